// api types: ef69a6ae049e652c43311afe ecf53ea4db7a43fd435d7963
// Written by `npm run codegen` from test/codegen/fixtures/pets/tools.yaml and test/codegen/fixtures/pets/pets.openapi.yaml. Do not edit: change the spec or the manifest and run it again.
export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listPets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pets/{petId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                petId: string;
            };
            cookie?: never;
        };
        get: operations["getPet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pets/{petId}/adoption": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                petId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["adoptPet"];
        delete: operations["cancelAdoption"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        Species: "cat" | "dog" | "rabbit";
        Pet: {
            id: string;
            name: string;
            species: components["schemas"]["Species"];
            /** @enum {string} */
            status: "AVAILABLE" | "ADOPTED";
            /** Format: date */
            born?: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "OWNER" | "STAFF" | "VISITOR";
                        shelter: {
                            tz?: string;
                            closingDay?: number;
                        };
                    };
                };
            };
        };
    };
    listPets: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Only this species. */
                species?: components["schemas"]["Species"];
                /** @description Name contains this text. */
                name?: string;
                bornAfter?: string;
                bornBefore?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of pets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Pet"][];
                        next: string | null;
                    };
                };
            };
        };
    };
    getPet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                petId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pet. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pet"];
                };
            };
        };
    };
    adoptPet: {
        parameters: {
            query?: never;
            header?: {
                "X-Request-Id"?: string;
            };
            path: {
                petId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Who adopts. */
                    adopter: string;
                    note?: string;
                    /** @enum {string} */
                    channel?: "web" | "desk";
                    readonly id?: string;
                };
            };
        };
        responses: {
            /** @description Adopted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pet: components["schemas"]["Pet"];
                        queued: boolean;
                    };
                };
            };
            /** @description Queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pet: components["schemas"]["Pet"];
                        /** @enum {boolean} */
                        queued: true;
                    };
                };
            };
        };
    };
    cancelAdoption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                petId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
