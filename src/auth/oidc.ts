import * as client from 'openid-client';

/**
 * OpenID Connect single sign-on (for example Microsoft Entra ID). The email claim is matched to an
 * existing active user: there is no self-registration.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface OidcStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export class OidcError extends Error {}

export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      const insecure =
        issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      this.configuration = client
        .discovery(
          issuer,
          this.settings.clientId,
          this.settings.clientSecret,
          undefined,
          insecure ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.configuration = null;
          throw new OidcError(
            `Could not reach the sign-in provider at ${issuer.href}: ${(error as Error).message}`,
          );
        });
    }
    return this.configuration;
  }

  async start(): Promise<OidcStart> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Completes the code flow and returns the verified email claim. */
  async finish(
    currentUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<string> {
    const config = await this.config();
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcError(`Single sign-on failed: ${(error as Error).message}`);
    }
    const claims = tokens.claims();
    const email = typeof claims?.email === 'string' ? claims.email : null;
    if (!email) throw new OidcError('The sign-in provider did not return an email address');
    if (claims?.email_verified === false)
      throw new OidcError('The sign-in provider says this email is not verified');
    return email;
  }
}
