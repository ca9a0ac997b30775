package io.newsroom.bench.scgbare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway with one route (application.yaml) and its own defaults: what the framework allows. */
@SpringBootApplication
public class ScgBare {

    public static void main(String[] args) {
        SpringApplication.run(ScgBare.class, args);
    }
}
