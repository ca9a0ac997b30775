/** Drafting, editing, scheduling, publishing, correcting and unpublishing articles; slugs and revisions. */
@NullMarked
package io.newsroom.article.editorial;

import org.jspecify.annotations.NullMarked;
