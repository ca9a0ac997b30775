/** Demo content loaded into an empty database (devstack). */
@NullMarked
package io.newsroom.article.demo;

import org.jspecify.annotations.NullMarked;
