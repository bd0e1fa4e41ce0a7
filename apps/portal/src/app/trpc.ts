// The API client both apps share (packages/client).
export { api, errorCode, errorData, errorMessage, type ApiErrorData } from "@complaints/client";
