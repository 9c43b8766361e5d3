import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseIsEmbedded: boolean;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("it");
  project.provide("databaseUrl", database.url);
  project.provide("databaseIsEmbedded", database.embedded);
  return async () => {
    await database.drop();
  };
}
