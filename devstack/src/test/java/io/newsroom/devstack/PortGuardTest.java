package io.newsroom.devstack;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortGuardTest {

    @Test
    void namesTheServiceWhosePortIsTaken() throws Exception {
        try (var holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress("0.0.0.0", 0));
            int taken = holder.getLocalPort();

            assertThatThrownBy(() -> PortGuard.requireFree(Map.of(taken, "article-service")))
                    .isInstanceOf(DevstackException.class)
                    .hasMessageContaining("port " + taken + " (article-service) is already in use")
                    .hasMessageContaining("Nothing was started");
        }
    }

    @Test
    void freePortsPass() throws Exception {
        int free;
        try (var probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        assertThatCode(() -> PortGuard.requireFree(Map.of(free, "gateway"))).doesNotThrowAnyException();
    }
}
