package io.newsroom.article.mustread;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Editors set the Must Read list; readers get it from {@code GET /articles/must-read}. */
@RestController
class MustReadController {

    private final MustRead mustRead;

    MustReadController(MustRead mustRead) {
        this.mustRead = mustRead;
    }

    @PutMapping("/editor/must-read")
    ResponseEntity<Void> replace(@Valid @RequestBody MustReadList list, @AuthenticationPrincipal Jwt editor) {
        mustRead.replace(list.picks(), editor.getSubject());
        return ResponseEntity.noContent().build();
    }

    record MustReadList(@NotNull @Size(max = 20) List<MustRead.@NotNull @Valid Pick> picks) {
    }
}
