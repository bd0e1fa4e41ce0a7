import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";

/** Who the person signs in as at the provider: the account the provider vouches for. */
export interface ProviderAccount {
  email: string;
  emailVerified?: boolean;
}

/** A change made to the ID token after the provider signed it, re-signed with the provider's own key. */
export type IdTokenTampering = "wrong-audience" | "expired" | null;

export interface TestIdentityProvider {
  /** The provider's issuer (`http://127.0.0.1:PORT`): listening from the start, answering once `serve` is called. */
  issuer: string;
  /** Registers the clients (each sending people back to `redirectUri`) and starts answering. */
  serve(options: { clients: readonly { clientId: string; clientSecret: string }[]; redirectUri: string }): void;
  /** The account the next sign-in at the provider is completed as (no login form is shown). */
  signInAs(account: ProviderAccount): void;
  /** Makes the token endpoint hand out a validly signed ID token with a wrong audience, or one already expired. */
  tamper(change: IdTokenTampering): void;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * A real OpenID Connect provider (oidc-provider 8) on loopback for tests of single sign-on. Its
 * interactions complete at once as the account `signInAs` names (a test has no one to type a
 * password); everything else (discovery, PKCE, the code, the token endpoint, signed ID tokens) is
 * the provider's own.
 */
export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.statusCode = 503;
    res.end("not started");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: "jwk" }) as JsonWebKey), kid: "test-signing-key", use: "sig", alg: "RS256" };
  const signingKey = createPrivateKey({ key: jwk, format: "jwk" });
  let account: ProviderAccount = { email: "nobody@example.invalid" };
  let tampering: IdTokenTampering = null;

  function retokened(idToken: string): string {
    const [header, payload] = idToken.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>;
    if (tampering === "wrong-audience") claims["aud"] = "another-service";
    if (tampering === "expired") {
      const now = Math.floor(Date.now() / 1000);
      claims["iat"] = now - 7200;
      claims["exp"] = now - 3600;
    }
    const body = `${header}.${b64(claims)}`;
    return `${body}.${sign("sha256", Buffer.from(body), signingKey).toString("base64url")}`;
  }

  return {
    issuer,
    serve({ clients, redirectUri }) {
      const provider = new Provider(issuer, {
        clients: clients.map((c) => ({
          client_id: c.clientId,
          client_secret: c.clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_post",
        })),
        jwks: { keys: [jwk as never] },
        claims: { openid: ["sub"], email: ["email", "email_verified"] },
        // The email claims go in the ID token itself, as Entra ID and Google put them.
        conformIdTokenClaims: false,
        findAccount: (_ctx, sub) => ({
          accountId: sub,
          claims: () => ({ sub, email: sub, email_verified: account.emailVerified ?? true }),
        }),
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        pkce: { required: () => true },
        cookies: { keys: ["test-provider-cookie-key"] },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      });
      provider.use(async (ctx, next) => {
        await next();
        const body = ctx.body as { id_token?: string } | undefined;
        if (ctx.path === "/token" && tampering && body?.id_token) ctx.body = { ...body, id_token: retokened(body.id_token) };
      });
      const callback = provider.callback();
      handler = (req, res) => {
        if (!req.url?.startsWith("/interaction/")) return void callback(req, res);
        void (async () => {
          const details = await provider.interactionDetails(req, res);
          if (details.prompt.name === "login") {
            await provider.interactionFinished(req, res, { login: { accountId: account.email } }, { mergeWithLastSubmission: false });
            return;
          }
          const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params["client_id"]) });
          grant.addOIDCScope(String(details.params["scope"]));
          await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        })().catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
      };
    },
    signInAs(next) {
      account = next;
    },
    tamper(change) {
      tampering = change;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
