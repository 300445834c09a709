package dev.pottery.examples.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * A book, cached in the second-level region "books".
 *
 * <pre>{@code
 * session.persist(new Book(10L, "Dune", frank));
 * }</pre>
 */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE, region = "books")
public class Book {

    @Id
    private Long id;

    private String title;

    @ManyToOne
    private Author author;

    /** For Hibernate. */
    protected Book() {
    }

    /** A book by {@code author}. */
    public Book(Long id, String title, Author author) {
        this.id = id;
        this.title = title;
        this.author = author;
        author.getBooks().add(this);
    }

    /** The id. */
    public Long getId() {
        return id;
    }

    /** The title. */
    public String getTitle() {
        return title;
    }

    /** The author. */
    public Author getAuthor() {
        return author;
    }
}
