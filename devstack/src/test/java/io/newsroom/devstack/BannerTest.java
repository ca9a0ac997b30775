package io.newsroom.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The banner prints the demo sign-ins next to the site's URL, and they are the auth-server's own defaults. */
class BannerTest {

    private final DevstackSettings settings = new DevstackSettings(Path.of("/tmp/home"), Path.of("/repo"), false, 19092, 15432, 19200);

    @Test
    void theBannerNamesEveryDemoSignInBesideTheConsolesUrl() {
        String banner = Banner.ready(PlatformPlan.local(settings), settings);
        assertThat(banner).contains("Consoles (editors, moderators): http://localhost:8080/console");
        for (DemoAccounts a : DemoAccounts.ALL) {
            assertThat(banner).containsPattern(Pattern.quote(a.username()) + " +password " + Pattern.quote(a.password()));
        }
    }

    @Test
    void theDemoAccountsAreTheAuthServersDefaults() throws Exception {
        String config = Files.readString(Path.of("../auth-server/src/main/resources/application.yaml"));
        for (DemoAccounts a : DemoAccounts.ALL) {
            assertThat(config).as(a.username()).containsPattern("- username: " + Pattern.quote(a.username())
                    + "\\s+name: " + Pattern.quote(a.name()) + "\\s+password: " + Pattern.quote(a.password()));
        }
    }
}
