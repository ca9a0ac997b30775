package io.newsroom.devstack;

/** What a person sees once the platform is up: where it is and what to try first. */
final class Banner {

    private Banner() {
    }

    static String ready(PlatformPlan plan, DevstackSettings settings) {
        String gateway = plan.service("gateway").baseUrl();
        String auth = plan.service("auth-server").baseUrl();
        return """

                ===================================================================
                 Newsroom is running.  Gateway: %1$s
                 News site (readers):  %1$s/
                 Consoles (editors, moderators): %1$s/console   sign in as
                %9$s===================================================================
                 Latest News     curl '%1$s/api/v1/articles?limit=5'
                 Must Read       curl '%1$s/api/v1/articles/must-read'
                 Search          curl '%1$s/api/v1/search?q=ceasefire'
                 Autocomplete    curl '%1$s/api/v1/suggest?prefix=isr'
                 Article page    curl '%1$s/api/v1/pages/article/<slug from Latest News>'
                 API reference   %1$s/swagger-ui.html
                 Machine token   curl -s -u newsroom-editor:editor-secret -d grant_type=client_credentials %2$s/oauth2/token
                 Health          curl '%7$s/actuator/health'   (management port; not routed by the gateway)

                 Services: article %3$s  comment %4$s  search %5$s  web %8$s  auth %2$s
                 Logs and data: %6$s      Stop: Ctrl-C
                """.formatted(gateway, auth, plan.service("article-service").baseUrl(),
                plan.service("comment-service").baseUrl(), plan.service("search-service").baseUrl(), settings.home(),
                plan.service("gateway").managementUrl(), plan.service("web").baseUrl(), accounts());
    }

    /** The demo sign-ins (auth-server's defaults; NEWSROOM_AUTH_USERS_n_PASSWORD overrides them there). */
    static String accounts() {
        StringBuilder out = new StringBuilder();
        for (DemoAccounts a : DemoAccounts.ALL) {
            out.append(String.format("   %-27s %-6s password %-15s (%s)%n", a.role(), a.username(), a.password(), a.name()));
        }
        return out.toString();
    }
}
