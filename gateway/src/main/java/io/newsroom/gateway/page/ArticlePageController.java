package io.newsroom.gateway.page;

import io.newsroom.gateway.requestid.RequestIds;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/pages/article/{slug}}: one round trip for the article page on web and mobile. */
@RestController
@Validated
class ArticlePageController {

    private final ArticlePageAssembler assembler;

    ArticlePageController(ArticlePageAssembler assembler) {
        this.assembler = assembler;
    }

    @GetMapping("/api/v1/pages/article/{slug}")
    Mono<ResponseEntity<ArticlePage>> articlePage(
            @PathVariable @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "is not an article slug") String slug,
            ServerWebExchange exchange) {
        return assembler.assemble(slug, RequestIds.of(exchange));
    }
}
