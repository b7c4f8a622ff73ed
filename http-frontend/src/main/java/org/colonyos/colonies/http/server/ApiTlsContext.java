package org.colonyos.colonies.http.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.colonyos.colonies.config.ApiTls;
import org.colonyos.colonies.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's TLS: a server context (TLS 1.2 and 1.3 only) built from the certificate and key files, rebuilt when
 * the files change (checked every {@link ApiTls#reloadInterval()}) or when {@link #reload()} is called (SIGHUP).
 * New connections use the newest context; open ones keep theirs. A file that does not load (half written,
 * mismatched) leaves the current context in force and is logged once per content.
 *
 * <p>Thread-safe: the context is swapped atomically; checks run on one daemon thread.
 */
final class ApiTlsContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiTlsContext.class);
    private static final RawReply PLAIN_HTTP = new RawReply("400 Bad Request",
            "Client sent an HTTP request to an HTTPS server.\n");

    private final ApiTls settings;
    private final ScheduledExecutorService watcher;
    private volatile SslContext context;
    private String loadedFingerprint;
    private String refusedFingerprint;

    private ApiTlsContext(ApiTls settings, SslContext first, String fingerprint) {
        this.settings = settings;
        this.context = first;
        this.loadedFingerprint = fingerprint;
        this.watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "colonies-tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.reloadInterval().toMillis();
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Loads the files and starts watching them.
     *
     * @throws ConfigException when they do not make a usable server context
     */
    static ApiTlsContext start(ApiTls settings) {
        String fingerprint = settings.fingerprint().orElse("");
        return new ApiTlsContext(settings, build(settings), fingerprint);
    }

    private static SslContext build(ApiTls settings) {
        ApiTls.Material material = settings.load();
        try {
            return SslContextBuilder.forServer(material.key(), material.chain().toArray(new X509Certificate[0]))
                    .sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2").build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException("API TLS: cannot use " + settings.certFile() + " and " + settings.keyFile()
                    + ": " + e.getMessage());
        }
    }

    /**
     * The first handler of a new connection: TLS with the current context. A client that speaks plain HTTP to
     * this port gets a 400 saying so, and the connection is closed.
     */
    ChannelHandler newHandler() {
        return new OptionalSslHandler(context) {
            @Override
            protected ChannelHandler newNonSslHandler(ChannelHandlerContext ctx) {
                return new PlainHttpRefusal();
            }
        };
    }

    /** Answers the plain HTTP sent to a TLS port once, and closes. */
    private static final class PlainHttpRefusal extends ChannelInboundHandlerAdapter {
        private boolean answered;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            if (!answered) {
                answered = true;
                PLAIN_HTTP.sendAndClose(ctx);
            }
        }
    }

    /**
     * Reads the files again now and uses them if they load.
     *
     * @throws ConfigException when they do not (the current context stays in force)
     */
    synchronized void reload() {
        reload(settings.fingerprint());
    }

    /** Builds the context from the files whose content has this fingerprint (read just before). */
    private void reload(Optional<String> fingerprint) {
        context = build(settings);
        loadedFingerprint = fingerprint.orElse("");
        refusedFingerprint = null;
        LOG.info("API TLS certificate reloaded from {}", settings.certFile());
    }

    private synchronized void reloadIfChanged() {
        Optional<String> fingerprint = settings.fingerprint();
        if (fingerprint.isEmpty() || fingerprint.get().equals(loadedFingerprint)
                || fingerprint.get().equals(refusedFingerprint)) {
            return;
        }
        try {
            reload(fingerprint);
        } catch (ConfigException | IllegalStateException e) {
            refusedFingerprint = fingerprint.get();
            LOG.warn("API TLS files changed but cannot be used, keeping the current certificate: {}",
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
