package io.newsroom.comment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** comment-service: "Leave a reply" threads, moderation and comment counts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommentServiceApplication.class, args);
    }

    /** One clock for the whole service, so tests can reason about time windows. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
