package io.newsroom.auth.people;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.newsroom.auth.NewsroomAuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The newsroom's people: who may sign in (form login, passwords hashed in memory) and by what name the
 * tokens call them. Local only; production signs people in at its own OIDC provider.
 */
@Configuration(proxyBeanMethods = false)
public class Staff {

    private final Map<String, String> names = new LinkedHashMap<>();

    public Staff(NewsroomAuthProperties properties) {
        properties.users().forEach(u -> names.put(u.username(), u.name()));
    }

    /** The display name of a signed-in person, for the {@code name} claim. */
    public Optional<String> displayName(String username) {
        return Optional.ofNullable(names.get(username));
    }

    @Bean
    UserDetailsService people(NewsroomAuthProperties properties, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(u -> User.withUsername(u.username())
                        .password(encoder.encode(u.password()))
                        .roles(u.roles().toArray(String[]::new))
                        .build())
                .toList());
    }
}
