import { afterAll, beforeAll, beforeEach } from "vitest";
import { startStandaloneServer, type StandaloneServer } from "./standalone-server";
import { demoWorld } from "./world";

/** The standalone Kubernetes side on the demo world for one test file, reset before each test. */
export function standaloneServerForSuite(): () => StandaloneServer {
  let server: StandaloneServer | undefined;
  beforeAll(async () => {
    server = await startStandaloneServer(demoWorld());
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.side.reset());
  return () => {
    if (!server) throw new Error("the server starts in beforeAll");
    return server;
  };
}
