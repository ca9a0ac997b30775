package io.newsroom.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Map;

/** Refuses to start half a platform: every port must be free before anything starts. */
final class PortGuard {

    private PortGuard() {
    }

    static void requireFree(Map<Integer, String> ports) {
        var taken = new ArrayList<String>();
        ports.forEach((port, owner) -> {
            if (!isFree(port)) {
                taken.add("port %d (%s) is already in use; see what holds it with `ss -ltnp 'sport = :%d'`".formatted(port, owner, port));
            }
        });
        if (!taken.isEmpty()) {
            throw new DevstackException(String.join("\n          ", taken)
                    + "\n          Stop that process (an earlier devstack?) and start again. Nothing was started.");
        }
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
