package io.newsroom.edge.testapp;

import io.newsroom.edge.security.AuthorizationRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** A tiny service on the shared edge: public reads of notes, posting open, /admin for role ADMIN. */
@SpringBootApplication
public class EdgeTestApplication {

    @Bean
    AuthorizationRules rules() {
        return requests -> requests
                .requestMatchers(AuthorizationRules.reads("/notes", "/notes/**", "/peer")).permitAll()
                .requestMatchers(HttpMethod.POST, "/notes", "/notes/archive", "/notes/cut").permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().denyAll();
    }
}
