// Optional direct HTTPS, for deployments without a TLS-terminating proxy in front of the gateway.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type RequestListener, type Server as HttpServer, type ServerOptions } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { createSecureContext } from "node:tls";

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
}

function readPem(file: string, variable: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "unreadable";
    throw new Error(`${variable}: cannot read ${file} (${code})`);
  }
}

/**
 * Reads the certificate chain and private key and checks they belong together, so a wrong pair
 * stops start-up with a message naming the variables rather than failing the first handshake.
 */
export function loadTls(files: TlsFiles): TlsMaterial {
  const cert = readPem(files.certFile, "TLS_CERT_FILE");
  const key = readPem(files.keyFile, "TLS_KEY_FILE");
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : "invalid");
    throw new Error(`TLS_CERT_FILE / TLS_KEY_FILE: not a usable certificate and matching key (${reason})`);
  }
  return { cert, key };
}

/** Both variables or neither: one alone is a mistake worth stopping for. */
export function tlsFilesFromEnv(env: Record<string, string | undefined>): TlsFiles | undefined {
  const certFile = env.TLS_CERT_FILE?.trim() || undefined;
  const keyFile = env.TLS_KEY_FILE?.trim() || undefined;
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) {
    throw new Error(`${certFile ? "TLS_KEY_FILE" : "TLS_CERT_FILE"} is required when ${certFile ? "TLS_CERT_FILE" : "TLS_KEY_FILE"} is set`);
  }
  return { certFile, keyFile };
}

/** An HTTPS server when TLS material is given, plain HTTP otherwise; `options` apply to both. */
export function createServer(listener: RequestListener, tls?: TlsMaterial, options: ServerOptions = {}): HttpServer | HttpsServer {
  if (!tls) return createHttpServer(options, listener);
  return createHttpsServer({ ...options, cert: tls.cert, key: tls.key, minVersion: "TLSv1.2" }, listener);
}
