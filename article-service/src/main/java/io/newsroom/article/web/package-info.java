/** The service's own web edge: ETags, request size limit, authorization rules. */
@NullMarked
package io.newsroom.article.web;

import org.jspecify.annotations.NullMarked;
