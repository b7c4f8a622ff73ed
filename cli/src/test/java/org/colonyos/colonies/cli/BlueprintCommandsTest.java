package org.colonyos.colonies.cli;

import static org.colonyos.colonies.cli.CliServer.COLONY_KEY;
import static org.colonyos.colonies.cli.CliServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.colonyos.colonies.cli.CliServer.Run;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.sdk.BlueprintClient;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code colonies blueprint} against a server, with YAML and JSON files: definitions, blueprints, generations,
 * history, status, reconciliation and the statuses of refusals (404, 409).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class BlueprintCommandsTest {
    private static final String COLONY = "desired";
    private final String memberKey = Secp256k1.generatePrivateKey();
    private CliServer server;
    private ColoniesClient client;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        server = new CliServer(tmp.resolve("server"));
        client = new ColoniesClient(URI.create(server.server.url()));
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(memberKey), "t", "member", COLONY), COLONY_KEY);
        client.approveExecutor(COLONY, "member", COLONY_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private Run run(String... args) {
        return server.runAs(COLONY, memberKey, args);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void definitionsAndBlueprintsFromFiles() throws Exception {
        Path definition = file("def.yaml", """
                kind: BlueprintDefinition
                metadata:
                  name: services
                spec:
                  names:
                    kind: Service
                  schema:
                    type: object
                    properties:
                      replicas: {type: integer}
                    required: [replicas]
                  handler:
                    executorType: service-reconciler
                    functionName: reconcile
                """);
        Run added = run("blueprint", "definition", "add", "--spec", definition.toString(), "--colonyprvkey",
                COLONY_KEY);
        assertEquals(0, added.code(), added.err());
        assertTrue(run("blueprint", "definition", "ls").out().contains("service-reconciler/reconcile"));

        Run web = run("blueprint", "add", "--spec", file("web.json",
                "{\"kind\":\"Service\",\"metadata\":{\"name\":\"web\",\"locationname\":\"lab\"},"
                        + "\"spec\":{\"replicas\":2}}").toString(), "--json");
        assertEquals(0, web.code(), web.err());
        Blueprint stored = Json.parse(web.out().getBytes(), Blueprint.class);
        assertEquals(1, stored.metadata().generation());
        ColonyProcess reconcile = client.getProcess(stored.metadata().lastReconciliationProcess(), memberKey);
        assertEquals(Map.of("kind", "Service", "blueprintName", "web"), reconcile.spec().kwargs());
        assertEquals("service-reconciler", reconcile.spec().conditions().executorType());

        Run refused = run("blueprint", "add", "--spec", file("bad.yaml", """
                kind: Service
                metadata: {name: bad}
                spec: {replicas: many}
                """).toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("does not match the schema") && refused.err().contains("HTTP 400"),
                refused.err());
        assertTrue(run("blueprint", "add", "--spec", dir.resolve("web.json").toString()).err().contains("HTTP 409"));

        Run updated = run("blueprint", "update", "--spec", file("web2.yaml", """
                kind: Service
                metadata: {name: web, locationname: lab}
                spec: {replicas: 3}
                """).toString(), "--json");
        assertEquals(2, Json.parse(updated.out().getBytes(), Blueprint.class).metadata().generation());
        assertEquals(3, run("blueprint", "history", "--name", "web").out().lines().count(), "header and two changes");
        new BlueprintClient(client, COLONY).updateStatus("web", Map.of("ready", 3), memberKey);
        assertEquals("{\"ready\":3}", run("blueprint", "status", "--name", "web").out().strip());
        assertEquals(0, run("blueprint", "reconcile", "--name", "web", "--force").code());
        assertTrue(run("blueprint", "ls", "--kind", "Service").out().contains("web"));

        Run stillUsed = run("blueprint", "definition", "remove", "--name", "services", "--colonyprvkey", COLONY_KEY);
        assertTrue(stillUsed.err().contains("HTTP 409"), stillUsed.err());
        assertEquals(0, run("blueprint", "remove", "--name", "web").code());
        assertTrue(run("blueprint", "get", "--name", "web").err().contains("HTTP 404"));
        assertEquals(0, run("blueprint", "definition", "remove", "--name", "services", "--colonyprvkey", COLONY_KEY)
                .code());
    }

    @Test
    void unknownNamesAndIdsAreNotFound() {
        BlueprintClient blueprints = new BlueprintClient(client, COLONY);
        assertEquals(404, status(() -> blueprints.getDefinition("none", memberKey)));
        assertEquals(404, status(() -> blueprints.history("f".repeat(64), 0, memberKey)));
        assertEquals(404, status(() -> blueprints.updateStatus("none", Map.of(), memberKey)));
        assertEquals(404, status(() -> blueprints.reconcile("none", false, memberKey)));
        assertEquals(404, status(() -> blueprints.remove("none", memberKey)));
        assertEquals(404, status(() -> blueprints.removeDefinition("none", COLONY_KEY)));
        assertEquals(403, status(() -> blueprints.getDefinitions(Secp256k1.generatePrivateKey())));
        assertEquals(java.util.List.of(), blueprints.getDefinitions(COLONY_KEY), "the colony owner may list");
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (org.colonyos.colonies.sdk.ColoniesException e) {
            return e.status();
        }
    }
}
