import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a service's start-up time goes (issue 16): Spring's {@link BufferingApplicationStartup} records every step of
 * the context's refresh (bean definitions, each bean's instantiation, post-processors, the web server); once the
 * application is ready this prints the steps by self time (a step's time less that of the steps inside it), summed by
 * step name and the 15 single steps that took longest. Not part of any service: the start-up benchmark compiles it
 * against a service's own libraries and adds it (META-INF/spring.factories) to the class path of one extra
 * start ({@code -Dbench.profile=true}).
 */
public class StartupProfile implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var startup = new BufferingApplicationStartup(200_000);
        context.setApplicationStartup(startup);
        context.getBeanFactory(); // the bean factory takes the startup from the context at refresh
        context.addApplicationListener(new ApplicationListener<ApplicationReadyEvent>() {
            @Override
            public void onApplicationEvent(ApplicationReadyEvent event) {
                print(startup.getBufferedTimeline());
            }
        });
    }

    private static void print(StartupTimeline timeline) {
        var events = timeline.getEvents();
        var childTime = new HashMap<Long, Long>();
        for (var e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, e.getDuration().toNanos(), Long::sum);
            }
        }
        var byName = new HashMap<String, long[]>();
        var single = new ArrayList<Map.Entry<String, Long>>();
        long total = 0;
        for (var e : events) {
            StartupStep step = e.getStartupStep();
            long self = e.getDuration().toNanos() - childTime.getOrDefault(step.getId(), 0L);
            total += Math.max(0, self);
            byName.computeIfAbsent(step.getName(), k -> new long[2])[0] += self;
            byName.get(step.getName())[1]++;
            single.add(Map.entry(step.getName() + " " + tags(step), self));
        }
        var out = new StringBuilder("startup-profile: %d steps, %.0f ms of self time recorded%n".formatted(events.size(), total / 1e6));
        byName.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()).limit(12)
                .forEach(e -> out.append("startup-profile: step %-45s %6.0f ms self (%d times)%n".formatted(e.getKey(), e.getValue()[0] / 1e6, e.getValue()[1])));
        single.stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> out.append("startup-profile: slowest %6.0f ms %s%n".formatted(e.getValue() / 1e6, e.getKey())));
        System.out.print(out);
    }

    private static String tags(StartupStep step) {
        List<String> tags = new ArrayList<>();
        step.getTags().forEach(t -> {
            if (t.getKey().equals("beanName") || t.getKey().equals("postProcessor") || t.getKey().equals("beanType")) {
                tags.add(t.getValue().length() > 90 ? t.getValue().substring(t.getValue().length() - 90) : t.getValue());
            }
        });
        return String.join(" ", tags);
    }
}
