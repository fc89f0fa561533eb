// A small C API over ICU. Swift code includes only this header: ICU's own
// headers clash with the ICU module that Foundation carries on Linux.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint16_t cicu_char16;

/// Kind of boundary iteration.
typedef enum { CICU_BREAK_WORD = 0, CICU_BREAK_SENTENCE = 1 } cicu_break_kind;

/// An opaque ICU break iterator, opened once and reused for many texts
/// (opening one costs more than breaking a short document). Not thread-safe.
typedef struct cicu_breaker cicu_breaker;

/// Opens a break iterator of `kind` for English; NULL on error.
cicu_breaker *cicu_breaker_open(cicu_break_kind kind);
void cicu_breaker_close(cicu_breaker *breaker);

/// Writes the boundaries (UTF-16 offsets, starting with 0) of `text` into
/// `bounds`. Returns the number of boundaries, or -1 on error. When
/// `capacity` is too small it returns the count needed.
int32_t cicu_breaker_run(cicu_breaker *breaker, const cicu_char16 *text, int32_t length,
                         int32_t *bounds, int32_t capacity);

/// UAX #29 Sentence_Break classes, in ICU's numbering (USentenceBreak).
typedef enum {
    CICU_SB_OTHER = 0, CICU_SB_ATERM = 1, CICU_SB_CLOSE = 2, CICU_SB_FORMAT = 3,
    CICU_SB_LOWER = 4, CICU_SB_NUMERIC = 5, CICU_SB_OLETTER = 6, CICU_SB_SEP = 7,
    CICU_SB_SP = 8, CICU_SB_STERM = 9, CICU_SB_UPPER = 10, CICU_SB_CR = 11,
    CICU_SB_EXTEND = 12, CICU_SB_LF = 13, CICU_SB_SCONTINUE = 14
} cicu_sentence_class;

/// The Sentence_Break class of one code point.
cicu_sentence_class cicu_sentence_class_of(int32_t code_point);

/// An opaque compiled ICU transliterator.
typedef struct cicu_transliterator cicu_transliterator;

/// Opens a transliterator from an ICU id such as "Any-Latin; Latin-ASCII".
/// Returns NULL on error and writes a message into `error` (size `error_size`).
cicu_transliterator *cicu_transliterator_open(const char *id, char *error, int32_t error_size);
/// Opens a transliterator from custom rules.
cicu_transliterator *cicu_transliterator_open_rules(const char *name, const cicu_char16 *rules,
                                                    int32_t rules_length, char *error,
                                                    int32_t error_size);
void cicu_transliterator_close(cicu_transliterator *t);
/// Transliterates `text` in place; `buffer` holds `length` units and has room
/// for `capacity`. Returns the new length, or the needed capacity negated when
/// the buffer is too small.
int32_t cicu_transliterate(const cicu_transliterator *t, cicu_char16 *buffer, int32_t length,
                           int32_t capacity);

/// Script classes that Quarry distinguishes.
typedef enum {
    CICU_SCRIPT_COMMON = 0,
    CICU_SCRIPT_LATIN = 1,
    CICU_SCRIPT_CYRILLIC = 2,
    CICU_SCRIPT_GREEK = 3,
    CICU_SCRIPT_OTHER = 4
} cicu_script;

cicu_script cicu_script_of(int32_t code_point);

/// Writes the confusable skeleton (UTS #39) of one code point into `out`;
/// returns its length in UTF-16 units, or -1 on error.
int32_t cicu_skeleton(int32_t code_point, cicu_char16 *out, int32_t capacity);

/// An opaque compiled ICU regular expression, safe to share between threads
/// (each match holds its lock): a token test's `/…/`.
typedef struct cicu_regex cicu_regex;

/// Compiles `pattern` (ICU syntax, UTF-16); NULL when it is invalid.
cicu_regex *cicu_regex_open(const cicu_char16 *pattern, int32_t length, int32_t case_insensitive);
void cicu_regex_close(cicu_regex *regex);
/// 1 when the whole of `text` (UTF-16, `length` units) matches, 0 when not, -1 on error.
int32_t cicu_regex_matches(cicu_regex *regex, const cicu_char16 *text, int32_t length);

#ifdef __cplusplus
}
#endif
#endif
