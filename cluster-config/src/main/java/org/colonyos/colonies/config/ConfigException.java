package org.colonyos.colonies.config;

/** A configuration that cannot be used; the message says what to change. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
