package io.newsroom.edge.testapp;

import io.newsroom.edge.input.PlainText;
import io.newsroom.edge.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
class NotesController {

    enum Kind { BRIEF, FEATURE }

    record Note(@NotBlank @PlainText String headline, @Nullable Integer words, @Nullable List<String> tags) {
    }

    @GetMapping("/notes")
    Map<String, Object> list(@RequestParam(required = false) @Nullable String tag,
                             @RequestParam(required = false) @Nullable Kind kind,
                             @RequestParam(defaultValue = "10") @Max(50) int limit) {
        return Map.of("tag", String.valueOf(tag), "kind", String.valueOf(kind), "limit", limit);
    }

    /** Query parameters bound to one validated object, as search-service's {@code GET /search} binds them. */
    record NoteQuery(@NotBlank String q, @Nullable @Max(50) Integer limit) {
    }

    @GetMapping("/notes/search")
    Map<String, Object> search(@Valid NoteQuery query) {
        return Map.of("q", query.q());
    }

    @GetMapping("/notes/{id}")
    Map<String, Object> one(@PathVariable UUID id) {
        throw Problems.of(HttpStatus.NOT_FOUND, "note-not-found", "Unknown note", "No note " + id + ".");
    }

    @PostMapping("/notes")
    ResponseEntity<Note> post(@Valid @RequestBody Note note) {
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/notes/{id}")
                .buildAndExpand(UUID.randomUUID()).toUri();
        return ResponseEntity.created(location).body(note);
    }

    /** A bug, as a 5xx always is: the error path must still answer a problem naming the client's path. */
    @GetMapping("/notes/broken")
    Map<String, Object> broken() {
        throw new IllegalStateException("a bug in the service");
    }

    @GetMapping("/peer")
    Map<String, String> peer(HttpServletRequest request) {
        return Map.of("remoteAddr", request.getRemoteAddr(),
                "base", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    }

    @GetMapping("/admin/stats")
    Map<String, Integer> stats() {
        return Map.of("notes", 0);
    }
}
