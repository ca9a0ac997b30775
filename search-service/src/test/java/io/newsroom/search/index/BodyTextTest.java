package io.newsroom.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyTextTest {

    @Test
    void paragraphsBecomeSpaceSeparatedText() {
        assertThat(BodyText.plain("<p>Ash fell.</p><p>Flights <strong>stopped</strong>.</p>"))
                .isEqualTo("Ash fell. Flights stopped .");
    }

    @Test
    void entitiesTheSanitizerWritesAreDecoded() {
        // What the OWASP sanitizer in article-service emits for quotes, apostrophes, @ and non-breaking spaces.
        assertThat(BodyText.plain("<p>&#34;We&#39;re safe,&#34; said mayor&#64;city&nbsp;hall &amp; co &lt;3 caf&eacute;</p>"))
                .isEqualTo("\"We're safe,\" said mayor@city hall & co <3 café");
    }
}
