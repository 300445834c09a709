package dev.pottery.examples.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * An author, cached in the second-level region "authors", with the collection of books cached in
 * "author-books" (both named in {@code pottery-hibernate.properties}).
 *
 * <pre>{@code
 * Author author = session.find(Author.class, 1L);     // from Redis after the first load anywhere
 * author.getBooks().size();                           // the collection too
 * }</pre>
 */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE, region = "authors")
public class Author {

    @Id
    private Long id;

    private String name;

    @OneToMany(mappedBy = "author")
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE, region = "author-books")
    private List<Book> books = new ArrayList<>();

    /** For Hibernate. */
    protected Author() {
    }

    /** An author with this id and name. */
    public Author(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    /** The id. */
    public Long getId() {
        return id;
    }

    /** The name. */
    public String getName() {
        return name;
    }

    /** Renames the author. */
    public void setName(String name) {
        this.name = name;
    }

    /** The author's books. */
    public List<Book> getBooks() {
        return books;
    }
}
