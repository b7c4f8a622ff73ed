package org.colonyos.colonies.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.proto.crypto.Identity;
import picocli.CommandLine.Command;

/**
 * {@code colonies config}: the settings a client command would use, each with where it came from (a flag, an
 * environment variable, or the default). Private keys are never printed: a set key shows the id it stands for.
 */
@Command(name = "config", description = "Show the effective client settings and their source (keys as ids)")
public final class ConfigCommand extends ClientCommand {
    /** One setting as shown. */
    record Setting(String name, String value, String source) {
    }

    @Override
    protected void run() {
        Map<String, String> env = System.getenv();
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("server", options.url().toString(), options.host != null || options.port != null
                ? "flags" : sourceOf(env, "COLONIES_SERVER_HOST", "COLONIES_SERVER_HTTP_PORT",
                "COLONIES_SERVER_PORT", "COLONIES_TLS")));
        settings.add(new Setting("tls trust", options.tls().toString(), options.caCert != null
                || options.skipTlsVerify ? "flags" : sourceOf(env, "COLONIES_TLS_CA", "COLONIES_SKIP_TLS_VERIFY")));
        settings.add(plain("colony", options.colonyName, env, "COLONIES_COLONY_NAME"));
        settings.add(key("key", options.prvKey, env, "COLONIES_PRVKEY"));
        settings.add(key("colony owner key", options.colonyPrvKey, env, "COLONIES_COLONY_PRVKEY"));
        settings.add(key("server owner key", options.serverPrvKey, env, "COLONIES_SERVER_PRVKEY"));
        settings.add(plain("executor type", null, env, "COLONIES_EXECUTOR_TYPE"));
        printer().table(settings, new Column<Setting>("SETTING", Setting::name),
                new Column<Setting>("VALUE", Setting::value), new Column<Setting>("SOURCE", Setting::source));
    }

    private static String sourceOf(Map<String, String> env, String... variables) {
        List<String> set = List.of(variables).stream().filter(v -> !env.getOrDefault(v, "").isBlank()).toList();
        return set.isEmpty() ? "default" : String.join(", ", set);
    }

    private static Setting plain(String name, String flag, Map<String, String> env, String variable) {
        if (flag != null) {
            return new Setting(name, flag, "flag");
        }
        String value = env.getOrDefault(variable, "");
        return new Setting(name, value.isBlank() ? "(not set)" : value, value.isBlank() ? "" : variable);
    }

    private static Setting key(String name, String flag, Map<String, String> env, String variable) {
        Setting raw = plain(name, flag, env, variable);
        if (raw.source().isEmpty()) {
            return raw;
        }
        String shown;
        try {
            shown = "id " + Identity.idOfPrivateKey(raw.value());
        } catch (RuntimeException notAKey) {
            shown = "(not a private key: " + raw.value().length() + " characters)";
        }
        return new Setting(name, shown, raw.source());
    }
}
