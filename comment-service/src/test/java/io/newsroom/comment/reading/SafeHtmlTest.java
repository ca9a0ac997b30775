package io.newsroom.comment.reading;

import io.newsroom.comment.support.XssCorpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTest {

    @Test
    void everyPayloadOfTheCorpusComesOutInert() {
        var payloads = XssCorpus.payloads();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(200);
        payloads.forEach(payload -> XssCorpus.assertInert(SafeHtml.render(payload), payload));
    }

    @Test
    void linksBecomeNofollowUgcAndKeepSentencePunctuationOutside() {
        assertThat(SafeHtml.render("See https://news.example/a?b=1&c=2."))
                .isEqualTo("See <a href=\"https://news.example/a?b=1&amp;c=2\" rel=\"nofollow ugc\">"
                        + "https://news.example/a?b=1&amp;c=2</a>.");
    }

    @Test
    void lineBreaksAreKept() {
        assertThat(SafeHtml.render("first\nsecond")).isEqualTo("first<br>\nsecond");
    }

    @Test
    void onlyHttpAndHttpsBecomeLinks() {
        assertThat(SafeHtml.render("javascript:alert(1) ftp://x.example data:text/html,x")).doesNotContain("<a");
    }
}
