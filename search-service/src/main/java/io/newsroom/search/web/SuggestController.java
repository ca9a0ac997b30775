package io.newsroom.search.web;

import io.newsroom.search.suggest.Suggestions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search-box autocomplete. */
@RestController
class SuggestController {

    private final Suggestions suggestions;

    SuggestController(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping("/suggest")
    SuggestResults suggest(@RequestParam @NotBlank @Size(max = 100) String prefix,
                           @RequestParam(defaultValue = "10") @Min(1) @Max(Suggestions.MAX) int size) {
        return new SuggestResults(suggestions.complete(prefix.strip(), size));
    }

    record SuggestResults(List<Suggestions.Suggestion> suggestions) {
    }
}
