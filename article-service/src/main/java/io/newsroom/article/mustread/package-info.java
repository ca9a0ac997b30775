/** The editors' Must Read picks. */
@NullMarked
package io.newsroom.article.mustread;

import org.jspecify.annotations.NullMarked;
