package io.newsroom.devstack;

import java.util.Map;
import java.util.function.Function;

/**
 * One service process of the platform.
 *
 * @param name           module name, also the jar name and log file name
 * @param port           the production port it serves its API on
 * @param managementPort the port Actuator listens on (health, prometheus), never routed publicly; equal to
 *                       {@code port} for a service without a separate management port (auth-server)
 * @param readinessPath  on the management port, answers 2xx once the service takes traffic
 * @param environment    the env vars it is started with, given the infrastructure endpoints
 */
record PlatformService(String name, int port, int managementPort, String readinessPath,
                       Function<InfraEndpoints, Map<String, String>> environment) {

    Map<String, String> environment(InfraEndpoints infra) {
        return environment.apply(infra);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    boolean hasManagementPort() {
        return managementPort != port;
    }
}
