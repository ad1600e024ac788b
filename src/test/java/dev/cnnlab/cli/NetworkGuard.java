package dev.cnnlab.cli;

import java.security.Permission;

/**
 * Runs {@link Main} with every outgoing connection refused and reported: a security manager sees
 * each socket connect of the JVM (URLConnection, HttpClient, raw sockets, with or without proxy)
 * before it happens. Needs {@code -Djava.security.manager=allow} on Java 17 and later.
 */
public final class NetworkGuard {

    /** Printed to stderr, with host and port, for every connection attempt. */
    static final String ATTEMPT = "network-guard: connection attempt to ";

    private NetworkGuard() {}

    @SuppressWarnings("removal") // the only hook that sees every connect; test code only
    public static void main(String[] args) {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkConnect(String host, int port) {
                if (port >= 0) { // port -1 is a name lookup (InetAddress.getLocalHost for provenance)
                    System.err.println(ATTEMPT + host + ":" + port);
                    throw new SecurityException("network access refused by the test: " + host + ":" + port);
                }
            }

            @Override
            public void checkConnect(String host, int port, Object context) {
                checkConnect(host, port);
            }

            @Override
            public void checkPermission(Permission permission) {
                // everything else is allowed
            }

            @Override
            public void checkPermission(Permission permission, Object context) {
                // everything else is allowed
            }
        });
        Main.main(args);
    }
}
