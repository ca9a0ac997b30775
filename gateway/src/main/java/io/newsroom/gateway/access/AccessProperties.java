package io.newsroom.gateway.access;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call what, in order (first match wins); anything under /api not matched needs a role nobody has.
 *
 * @param rules          the access table
 * @param clockSkew      tolerance for {@code exp}/{@code nbf} between issuer and gateway clocks
 * @param algorithms     accepted JWS algorithms; {@code none} can never be listed
 * @param rolesClaim     the claim holding the newsroom roles
 * @param keysCacheTtl   how long the issuer's keys are used before they are fetched again (a withdrawn key stops
 *                       working within this time)
 * @param issuerOutageTolerance how long the last keys fetched stay in use while the issuer cannot be reached
 */
@ConfigurationProperties("newsroom.gateway.access")
public record AccessProperties(List<Rule> rules, Duration clockSkew, List<String> algorithms, String rolesClaim,
                               Duration keysCacheTtl, Duration issuerOutageTolerance) {

    /** The pseudo-role of rules that are open to anonymous callers. */
    public static final String ANONYMOUS = "ANONYMOUS";

    public AccessProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        algorithms = algorithms == null ? List.of("RS256", "ES256") : List.copyOf(algorithms);
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        keysCacheTtl = keysCacheTtl == null ? Duration.ofMinutes(5) : keysCacheTtl;
        issuerOutageTolerance = issuerOutageTolerance == null ? Duration.ofHours(1) : issuerOutageTolerance;
    }

    /** @param roles {@code [ANONYMOUS]} for public rules, otherwise any one of these roles is needed */
    public record Rule(String name, List<String> methods, List<String> paths, List<String> roles) {

        public Rule {
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("access rule " + name + " must name roles (or ANONYMOUS)");
            }
        }

        boolean isPublic() {
            return roles.contains(ANONYMOUS);
        }
    }
}
