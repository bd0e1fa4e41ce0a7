// The signed-in user and the sign-in guard both apps share (packages/client).
export { meQueryKey, RequireSignIn, safeReturnPath, ServiceProblem, useMe, type Me } from "@complaints/client";
