// Written by `npm run codegen` from test/codegen/fixtures/pets/tools.yaml and test/codegen/fixtures/pets/pets.openapi.yaml. Do not edit: change the spec or the manifest and run it again.
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./api.js";
import type { OperationEntry } from "./table.js";

export type ApiClient = Client<paths>;

/** `Request` lets a caller build its own light request objects for its own `fetch`. */
export function createApiClient(options: Pick<ClientOptions, "fetch" | "Request"> & { baseUrl: string }): ApiClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.Request ? { Request: options.Request } : {}),
  });
}

type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type Params<P extends keyof paths, M extends keyof paths[P]> = Op<P, M> extends { parameters: infer T } ? T : never;
type Body<P extends keyof paths, M extends keyof paths[P], C extends string> = Op<P, M> extends { requestBody?: { content: { [K in C]: infer T } } } ? T : never;

export const operations: Record<string, OperationEntry> = {
  "adoptPet": {
    method: "post",
    path: "/pets/{petId}/adoption",
    call: (client, r) =>
      (client as ApiClient).POST("/pets/{petId}/adoption", {
        params: r.params as Params<"/pets/{petId}/adoption", "post">,
        body: r.body as Body<"/pets/{petId}/adoption", "post", "application/json">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "cancelAdoption": {
    method: "delete",
    path: "/pets/{petId}/adoption",
    call: (client, r) =>
      (client as ApiClient).DELETE("/pets/{petId}/adoption", {
        params: r.params as Params<"/pets/{petId}/adoption", "delete">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "getPet": {
    method: "get",
    path: "/pets/{petId}",
    call: (client, r) =>
      (client as ApiClient).GET("/pets/{petId}", {
        params: r.params as Params<"/pets/{petId}", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "listPets": {
    method: "get",
    path: "/pets",
    call: (client, r) =>
      (client as ApiClient).GET("/pets", {
        params: r.params as Params<"/pets", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "whoAmI": {
    method: "get",
    path: "/me",
    call: (client, r) =>
      (client as ApiClient).GET("/me", {
        params: r.params as Params<"/me", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
};
