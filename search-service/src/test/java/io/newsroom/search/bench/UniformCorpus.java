package io.newsroom.search.bench;

import io.newsroom.events.ArticlePublished;
import io.newsroom.search.support.NewsEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The worst case: every word from one ~200-word vocabulary, so every query matches nearly every article. */
final class UniformCorpus implements Corpus {

    private static final String[] WORDS = ("government minister election council budget storm flood coast harbour "
            + "strike union court ruling appeal police investigation hospital doctors vaccine school teachers "
            + "students university research climate energy prices inflation bank market shares company profits "
            + "football league final championship coach player transfer museum festival film music album tour "
            + "ceasefire talks border troops peace treaty summit leaders trade tariffs exports farmers harvest "
            + "drought wildfire earthquake rescue volunteers village city mayor transport railway airport airline "
            + "pilots engineers bridge road tunnel housing rents tenants landlords water supply power outage grid "
            + "solar wind nuclear plant emissions ocean fishing quota whales forest wildlife park tourism hotel "
            + "restaurant chef prize award author novel poet theatre opera orchestra science space rocket satellite "
            + "telescope planet discovery fossil dinosaur ancient tomb archaeologists library archive report survey "
            + "poll voters campaign party coalition parliament senate bill law reform tax pension welfare").split(" ");
    private static final String[] SECTIONS = {"world", "politics", "business", "sport", "culture", "science", "local"};

    @Override
    public ArticlePublished article(Random random, int n) {
        String headline = capitalize(words(random, 6 + random.nextInt(5))) + " " + n;
        String body = capitalize(words(random, 200 + random.nextInt(200))) + ".";
        List<String> tags = new ArrayList<>(List.of(capitalize(WORDS[random.nextInt(WORDS.length)]),
                capitalize(WORDS[random.nextInt(WORDS.length)])));
        Instant publishedAt = Instant.now().minusSeconds(random.nextInt(3 * 365 * 24 * 3600));
        return NewsEvents.published(UUID.randomUUID(), 1, new NewsEvents.Copy(headline,
                capitalize(words(random, 25)), body, SECTIONS[random.nextInt(SECTIONS.length)], tags,
                List.of("Reporter " + random.nextInt(50)), "London", random.nextInt(20) == 0, publishedAt));
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String query(Random random) {
        return words(random, 1 + random.nextInt(3));
    }
}
