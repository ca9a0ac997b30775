package io.newsroom.consumers;

import org.springframework.context.SmartLifecycle;

/**
 * Work a service does against its data stores as it starts, before its consumers and its web server: in the
 * lifecycle's earliest phase, once. Not while the context is refreshed, so a refresh needs no data store: the image
 * build's AOT cache training run ({@code deploy/images/aot-training.sh}) stops after the refresh and reaches none.
 * A step that throws fails the start. Used for the dead-letter topics here and for search-service's indices.
 */
public class StartupStep implements SmartLifecycle {

    /** Earlier than every phase Spring Boot, spring-kafka and the binder use (web server, containers, bindings). */
    private static final int PHASE = Integer.MIN_VALUE + 1000;

    private final Runnable step;
    private volatile boolean done;

    public StartupStep(Runnable step) {
        this.step = step;
    }

    @Override
    public void start() {
        step.run();
        done = true;
    }

    @Override
    public void stop() {
        done = false;
    }

    @Override
    public boolean isRunning() {
        return done;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
