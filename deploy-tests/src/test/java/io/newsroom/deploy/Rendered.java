package io.newsroom.deploy;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Everything one kustomize target renders to. */
record Rendered(String target, List<Manifest> manifests) {

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.is(kind)).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return manifests.stream().filter(m -> m.is(kind) && m.name().equals(name)).findFirst();
    }

    List<Manifest> where(Predicate<Manifest> condition) {
        return manifests.stream().filter(condition).toList();
    }

    @Override
    public String toString() {
        return target;
    }
}
