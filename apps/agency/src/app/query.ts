export { queryClient } from "@complaints/client";
