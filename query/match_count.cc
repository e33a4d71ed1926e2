#include "match_count.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

namespace infonote {

namespace {

using Xapian::docid;
using Xapian::Query;

constexpr docid kEnd = std::numeric_limits<docid>::max();

// A walk over the documents a subquery matches, in docid order. A cursor
// starts before the first document (at 0) and ends at kEnd.
class Cursor {
  public:
    virtual ~Cursor() = default;
    /// Moves to the next document and returns it.
    virtual docid next() = 0;
    /// Moves to the first document at or after `target` (staying put when
    /// already there) and returns it.
    virtual docid skip_to(docid target) = 0;
    docid at() const { return at_; }
    /// At most this many documents: how an AND picks the child that leads.
    Xapian::doccount size() const { return size_; }

  protected:
    docid at_ = 0;
    Xapian::doccount size_ = 0;
};

using Cursors = std::vector<std::unique_ptr<Cursor>>;

class TermCursor : public Cursor {
  public:
    TermCursor(const Xapian::Database& db, const std::string& term)
        : it_(db.postlist_begin(term)), end_(db.postlist_end(term))
    {
        size_ = term.empty() ? db.get_doccount() : db.get_termfreq(term);
    }
    docid next() override
    {
        if (at_ == kEnd) return kEnd;
        if (at_ != 0) ++it_;
        return at_ = it_ == end_ ? kEnd : *it_;
    }
    docid skip_to(docid target) override
    {
        if (at_ >= target) return at_;
        it_.skip_to(target);
        return at_ = it_ == end_ ? kEnd : *it_;
    }

  private:
    Xapian::PostingIterator it_;
    Xapian::PostingIterator end_;
};

// Every child at the same document. The smallest child leads and the
// others skip to it.
class AndCursor : public Cursor {
  public:
    explicit AndCursor(Cursors children) : children_(std::move(children))
    {
        std::stable_sort(children_.begin(), children_.end(),
                         [](const auto& a, const auto& b) { return a->size() < b->size(); });
        size_ = children_.front()->size();
    }
    docid next() override { return align(children_.front()->next()); }
    docid skip_to(docid target) override
    {
        return at_ >= target ? at_ : align(children_.front()->skip_to(target));
    }

  private:
    docid align(docid candidate)
    {
        std::size_t agreeing = 1;
        for (std::size_t i = 1; candidate != kEnd && agreeing < children_.size(); ++i) {
            docid d = children_[i % children_.size()]->skip_to(candidate);
            agreeing = d == candidate ? agreeing + 1 : 1;
            candidate = d;
        }
        return at_ = candidate;
    }
    Cursors children_;
};

// Any child at a document.
class OrCursor : public Cursor {
  public:
    explicit OrCursor(Cursors children) : children_(std::move(children))
    {
        // A sum that stops at the largest document count.
        for (const auto& c : children_) size_ = std::max(size_, size_ + c->size());
    }
    docid next() override
    {
        docid lowest = kEnd;
        for (auto& c : children_) lowest = std::min(lowest, c->at() == at_ ? c->next() : c->at());
        return at_ = lowest;
    }
    docid skip_to(docid target) override
    {
        if (at_ >= target) return at_;
        docid lowest = kEnd;
        for (auto& c : children_) lowest = std::min(lowest, c->skip_to(target));
        return at_ = lowest;
    }

  private:
    Cursors children_;
};

// The first cursor's documents that the second does not reach.
class AndNotCursor : public Cursor {
  public:
    AndNotCursor(std::unique_ptr<Cursor> kept, std::unique_ptr<Cursor> removed)
        : kept_(std::move(kept)), removed_(std::move(removed))
    {
        size_ = kept_->size();
    }
    docid next() override { return settle(kept_->next()); }
    docid skip_to(docid target) override
    {
        return at_ >= target ? at_ : settle(kept_->skip_to(target));
    }

  private:
    docid settle(docid candidate)
    {
        while (candidate != kEnd && removed_->skip_to(candidate) == candidate)
            candidate = kept_->next();
        return at_ = candidate;
    }
    std::unique_ptr<Cursor> kept_;
    std::unique_ptr<Cursor> removed_;
};

std::unique_ptr<Cursor> cursor_for(const Xapian::Database& db, const Query& query);

Cursors cursors_for(const Xapian::Database& db, const Query& query, std::size_t first)
{
    Cursors children;
    for (std::size_t i = first; i < query.get_num_subqueries(); ++i)
        children.push_back(cursor_for(db, query.get_subquery(i)));
    return children;
}

std::unique_ptr<Cursor> either(Cursors children)
{
    if (children.size() == 1) return std::move(children.front());
    return std::make_unique<OrCursor>(std::move(children));
}

std::unique_ptr<Cursor> cursor_for(const Xapian::Database& db, const Query& query)
{
    switch (query.get_type()) {
        case Query::LEAF_TERM: return std::make_unique<TermCursor>(db, *query.get_terms_begin());
        case Query::LEAF_MATCH_ALL: return std::make_unique<TermCursor>(db, std::string());
        case Query::LEAF_MATCH_NOTHING: return either(Cursors());
        case Query::OP_AND:
        case Query::OP_FILTER: return std::make_unique<AndCursor>(cursors_for(db, query, 0));
        case Query::OP_OR:
        case Query::OP_SYNONYM:
        case Query::OP_MAX: return either(cursors_for(db, query, 0));
        case Query::OP_AND_NOT:
            return std::make_unique<AndNotCursor>(cursor_for(db, query.get_subquery(0)),
                                                  either(cursors_for(db, query, 1)));
        case Query::OP_AND_MAYBE:
        case Query::OP_SCALE_WEIGHT: return cursor_for(db, query.get_subquery(0));
        default: return nullptr;
    }
}

}  // namespace

bool countable(const Query& query)
{
    switch (query.get_type()) {
        case Query::LEAF_TERM:
        case Query::LEAF_MATCH_ALL:
        case Query::LEAF_MATCH_NOTHING: return true;
        case Query::OP_AND:
        case Query::OP_FILTER:
        case Query::OP_OR:
        case Query::OP_SYNONYM:
        case Query::OP_MAX:
        case Query::OP_AND_NOT:
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
                if (!countable(query.get_subquery(i))) return false;
            return true;
        // Only the first subquery decides what matches (cursor_for).
        case Query::OP_AND_MAYBE:
        case Query::OP_SCALE_WEIGHT: return countable(query.get_subquery(0));
        default: return false;
    }
}

std::optional<Xapian::doccount> count_matches(const Xapian::Database& db, const Query& query)
{
    if (!countable(query)) return std::nullopt;
    std::unique_ptr<Cursor> walk = cursor_for(db, query);
    Xapian::doccount count = 0;
    while (walk->next() != kEnd) ++count;
    return count;
}

}  // namespace infonote
