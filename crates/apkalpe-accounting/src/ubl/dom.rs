//! A small element tree for UBL: local names, a few attributes, text. UBL has no mixed
//! content, so that is enough.
//!
//! The XML is read by a tokenizer of its own (quick-xml writes our UBL): reading received
//! documents is a hot path (issue 12: a 1 000-line invoice in under 2 ms), and a scanner that
//! jumps from `<` to `>` with the standard library's byte search, building one flat arena of
//! nodes linked by index and borrowing names and texts from the input, reads a megabyte in
//! about a millisecond. It checks what well-formedness asks of a document (one root, tags
//! that nest and match, quoted attributes without duplicates, known entities, valid
//! character references, nothing but whitespace, comments and processing instructions
//! outside the root, a DOCTYPE only before it) and refuses a DOCTYPE with an internal
//! subset, since UBL declares no entities.

use std::borrow::Cow;

/// The deepest nesting accepted.
pub(crate) const MAX_DEPTH: usize = 64;

/// "No node": the end of a sibling chain, a leaf's first child.
const NONE: u32 = u32::MAX;

/// The attributes UBL readers look at; any other attribute is dropped when parsing.
const KEPT_ATTRIBUTES: [&str; 10] = [
    "currencyID",
    "name",
    "schemeID",
    "unitCode",
    "listID",
    "listVersionID",
    "mimeCode",
    "filename",
    "schemeAgencyID",
    "unitCodeListID",
];

/// Why a text is not a well-formed XML document the tree can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DomError {
    /// Not well formed at this byte offset.
    Xml {
        /// The byte offset where the parser stopped.
        position: u64,
    },
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// One element of the arena.
#[derive(Debug)]
struct Node<'a> {
    /// The local name (prefix dropped), borrowed from the input.
    name: &'a str,
    /// The text directly inside the element (empty once the element has children).
    text: Cow<'a, str>,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    /// The range of this node's attributes in [`Document::attributes`].
    attributes: (u32, u32),
}

/// A parsed document: the arena of elements and their kept attributes.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    nodes: Vec<Node<'a>>,
    attributes: Vec<(&'static str, Cow<'a, str>)>,
    /// The namespace URI the root element's prefix (or the default namespace) is bound to.
    root_namespace: Option<String>,
}

/// An element of a [`Document`]: a cheap handle (a reference and an index).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Element<'d, 'a> {
    document: &'d Document<'a>,
    index: u32,
}

impl<'a> Document<'a> {
    /// Returns the root element.
    pub(crate) fn root(&self) -> Element<'_, 'a> {
        Element {
            document: self,
            index: 0,
        }
    }

    /// Returns the namespace URI of the root element, if it declares one.
    pub(crate) fn root_namespace(&self) -> Option<&str> {
        self.root_namespace.as_deref()
    }

    fn node(&self, index: u32) -> Option<&Node<'a>> {
        self.nodes.get(usize::try_from(index).ok()?)
    }
}

/// The children of an element, in document order.
#[derive(Debug, Clone)]
pub(crate) struct Children<'d, 'a> {
    document: &'d Document<'a>,
    next: u32,
}

impl<'d, 'a> Iterator for Children<'d, 'a> {
    type Item = Element<'d, 'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let node = self.document.node(self.next)?;
        let element = Element {
            document: self.document,
            index: self.next,
        };
        self.next = node.next_sibling;
        Some(element)
    }
}

impl<'d, 'a> Element<'d, 'a> {
    fn node(&self) -> Option<&'d Node<'a>> {
        self.document.node(self.index)
    }

    /// Returns the local name (prefix dropped).
    pub(crate) fn name(&self) -> &'d str {
        self.node().map_or("", |node| node.name)
    }

    /// Returns the text directly inside the element, as written (entities resolved).
    pub(crate) fn text(&self) -> &'d str {
        self.node().map_or("", |node| node.text.as_ref())
    }

    /// Returns every child, in document order.
    pub(crate) fn children(&self) -> Children<'d, 'a> {
        Children {
            document: self.document,
            next: self.node().map_or(NONE, |node| node.first_child),
        }
    }

    /// Returns the first child with the local name.
    pub(crate) fn child(&self, name: &str) -> Option<Element<'d, 'a>> {
        self.children().find(|child| child.name() == name)
    }

    /// Returns every child with the local name.
    pub(crate) fn children_named<'n>(
        &self,
        name: &'n str,
    ) -> impl Iterator<Item = Element<'d, 'a>> + use<'d, 'a, 'n> {
        self.children().filter(move |child| child.name() == name)
    }

    /// Follows a path of local names through first children.
    pub(crate) fn path(&self, names: &[&str]) -> Option<Element<'d, 'a>> {
        names
            .iter()
            .try_fold(*self, |element, name| element.child(name))
    }

    /// Returns the trimmed text at a path, if the element exists and is not blank.
    pub(crate) fn text_at(&self, names: &[&str]) -> Option<&'d str> {
        self.path(names)
            .map(|element| element.text().trim())
            .filter(|text| !text.is_empty())
    }

    /// Returns a kept attribute by local name (see [`KEPT_ATTRIBUTES`]).
    pub(crate) fn attribute(&self, name: &str) -> Option<&'d str> {
        let (start, end) = self.node()?.attributes;
        let range = usize::try_from(start).ok()?..usize::try_from(end).ok()?;
        self.document
            .attributes
            .get(range)?
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_ref())
    }
}

/// Returns the part of a qualified name after the colon.
fn local(name: &str) -> &str {
    match name.as_bytes().iter().rposition(|byte| *byte == b':') {
        Some(colon) => name.get(colon.saturating_add(1)..).unwrap_or(name),
        None => name,
    }
}

/// Returns the offset of the first `byte` in `text`. A plain loop over the bytes: faster than
/// `str::find` on the short stretches between tags.
fn find_byte(text: &str, byte: u8) -> Option<usize> {
    const SHORT: usize = 48;
    let bytes = text.as_bytes();
    match bytes.get(..SHORT) {
        // Past the first bytes (a long text, an attachment), the library's vectorised
        // search is faster.
        Some(head) => match head.iter().position(|found| *found == byte) {
            Some(index) => Some(index),
            None => {
                // The bytes skipped to reach a character boundary continue a multi-byte
                // character, so none of them is the ASCII byte searched.
                let start = (SHORT..text.len()).find(|index| text.is_char_boundary(*index))?;
                text.get(start..)?
                    .find(char::from(byte))
                    .and_then(|index| index.checked_add(start))
            }
        },
        None => bytes.iter().position(|found| *found == byte),
    }
}

/// Returns `text` without its leading XML whitespace.
fn skip_space(text: &str) -> &str {
    let start = text
        .as_bytes()
        .iter()
        .position(|byte| !is_space(*byte))
        .unwrap_or(text.len());
    text.get(start..).unwrap_or_default()
}

/// Tells whether a byte is XML whitespace.
const fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// Tells whether a name is acceptable: not empty, no whitespace or markup characters, not
/// starting with a digit, `-` or `.`.
fn is_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    match bytes.first() {
        None => false,
        Some(first) if first.is_ascii_digit() || matches!(first, b'-' | b'.') => false,
        Some(_) => !bytes.iter().any(|byte| {
            is_space(*byte)
                || matches!(
                    byte,
                    b'<' | b'>' | b'/' | b'=' | b'"' | b'\'' | b'&' | b'!' | b'?'
                )
        }),
    }
}

/// Resolves the entity or character reference `name` (between `&` and `;`).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix('x') {
                Some(hex) if !hex.is_empty() && hex.len() <= 6 => {
                    u32::from_str_radix(hex, 16).ok()?
                }
                Some(_) => return None,
                None if !number.is_empty()
                    && number.len() <= 7
                    && number.bytes().all(|byte| byte.is_ascii_digit()) =>
                {
                    number.parse().ok()?
                }
                None => return None,
            };
            char::from_u32(code).filter(|character| *character != '\0')
        }
    }
}

/// Unescapes a text or attribute value: resolves references, turns `\r\n` and `\r` into
/// `\n` (and, in an attribute, every whitespace character into a space). Borrows when
/// nothing changes. `None` for an unknown entity, a lone `&` or a `<`.
fn unescape(raw: &str, attribute: bool) -> Option<Cow<'_, str>> {
    let special = |byte: &u8| {
        *byte == b'&'
            || *byte == b'\r'
            || *byte == b'<'
            || (attribute && matches!(byte, b'\t' | b'\n'))
    };
    let plain = if attribute || raw.len() < 64 {
        !raw.as_bytes().iter().any(special)
    } else {
        !raw.contains('&') && !raw.contains('\r') && !raw.contains('<')
    };
    if plain {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(index) = rest.bytes().position(|byte| special(&byte)) {
        out.push_str(rest.get(..index)?);
        let tail = rest.get(index..)?;
        match tail.as_bytes().first()? {
            b'&' => {
                // References are short; the `;` is searched within 12 bytes (bytes, since a
                // multi-byte character may follow closely).
                let end = tail
                    .as_bytes()
                    .iter()
                    .take(12)
                    .position(|byte| *byte == b';')?;
                out.push(entity(tail.get(1..end)?)?);
                rest = tail.get(end.checked_add(1)?..)?;
            }
            b'\r' => {
                out.push(if attribute { ' ' } else { '\n' });
                rest = tail.get(1..)?;
                if rest.starts_with('\n') {
                    rest = rest.get(1..)?;
                }
            }
            b'<' => return None,
            _ => {
                out.push(' ');
                rest = tail.get(1..)?;
            }
        }
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// The arena being built: the nodes, the path of open elements and the kept attributes.
struct Builder<'a> {
    document: Document<'a>,
    /// The open elements: index and qualified name.
    open: Vec<(u32, &'a str)>,
    /// Whether the innermost open element has had a child (its later text is ignored).
    has_children: Vec<bool>,
    /// Whether the root element has been closed.
    closed: bool,
}

impl<'a> Builder<'a> {
    /// Adds an element below the innermost open one; returns its index.
    fn add(
        &mut self,
        qualified: &'a str,
        attributes: &[(&'a str, Cow<'a, str>)],
        position: usize,
    ) -> Result<u32, DomError> {
        let error = DomError::Xml {
            position: u64::try_from(position).unwrap_or(u64::MAX),
        };
        if self.closed || (!self.document.nodes.is_empty() && self.open.is_empty()) {
            return Err(error);
        }
        let index = u32::try_from(self.document.nodes.len()).map_err(|_| error)?;
        let first_attribute = u32::try_from(self.document.attributes.len()).map_err(|_| error)?;
        let root = index == 0;
        for (key, value) in attributes {
            if root {
                let prefix = qualified.split_once(':').map(|(prefix, _)| prefix);
                let declares = match prefix {
                    Some(prefix) => key.strip_prefix("xmlns:") == Some(prefix),
                    None => *key == "xmlns",
                };
                if declares {
                    self.document.root_namespace = Some(value.to_string());
                    continue;
                }
            }
            let key = local(key);
            if let Some(kept) = KEPT_ATTRIBUTES.iter().find(|kept| **kept == key) {
                self.document.attributes.push((kept, value.clone()));
            }
        }
        let last_attribute = u32::try_from(self.document.attributes.len()).map_err(|_| error)?;
        self.document.nodes.push(Node {
            name: local(qualified),
            text: Cow::Borrowed(""),
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            attributes: (first_attribute, last_attribute),
        });
        if let Some(&(parent, _)) = self.open.last() {
            self.link(parent, index);
        }
        Ok(index)
    }

    fn node_mut(&mut self, index: u32) -> Option<&mut Node<'a>> {
        usize::try_from(index)
            .ok()
            .and_then(|index| self.document.nodes.get_mut(index))
    }

    /// Links `child` as the last child of `parent`.
    fn link(&mut self, parent: u32, child: u32) {
        let previous = self
            .document
            .node(parent)
            .map_or(NONE, |node| node.last_child);
        if previous == NONE {
            if let Some(node) = self.node_mut(parent) {
                node.first_child = child;
            }
        } else if let Some(node) = self.node_mut(previous) {
            node.next_sibling = child;
        }
        if let Some(node) = self.node_mut(parent) {
            node.last_child = child;
            // UBL has no mixed content: the whitespace before the first child is not text.
            node.text = Cow::Borrowed("");
        }
        if let Some(flag) = self.has_children.last_mut() {
            *flag = true;
        }
    }

    /// Tells whether text here is dropped: inside an element that already has a child.
    fn ignores_text(&self) -> bool {
        !self.open.is_empty() && self.has_children.last().copied().unwrap_or(false)
    }

    /// Appends text to the innermost open element; outside the root only whitespace is
    /// allowed.
    fn push_text(&mut self, text: Cow<'a, str>, position: usize) -> Result<(), DomError> {
        let Some(&(current, _)) = self.open.last() else {
            return if text.bytes().all(is_space) {
                Ok(())
            } else {
                Err(DomError::Xml {
                    position: u64::try_from(position).unwrap_or(u64::MAX),
                })
            };
        };
        if self.has_children.last().copied().unwrap_or(false) {
            return Ok(());
        }
        if let Some(node) = self.node_mut(current) {
            if node.text.is_empty() {
                node.text = text;
            } else {
                node.text.to_mut().push_str(&text);
            }
        }
        Ok(())
    }
}

/// Returns the offset of the `>` that ends a start tag: the first one outside quoted
/// attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let first = find_byte(tag, b'>')?;
    if !tag
        .as_bytes()
        .get(..first)?
        .iter()
        .any(|byte| matches!(byte, b'"' | b'\''))
    {
        return Some(first);
    }
    let mut quote = None;
    for (index, byte) in tag.bytes().enumerate() {
        match (quote, byte) {
            (None, b'>') => return Some(index),
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if open == byte => quote = None,
            _ => {}
        }
    }
    None
}

/// Reads the attributes of a start tag from `inside` (the tag after its name, without the
/// closing `>` or `/>`).
fn read_attributes<'a>(
    mut inside: &'a str,
    found: &mut Vec<(&'a str, Cow<'a, str>)>,
) -> Option<()> {
    found.clear();
    loop {
        inside = skip_space(inside);
        if inside.is_empty() {
            return Some(());
        }
        let equals = find_byte(inside, b'=')?;
        let key = inside
            .get(..equals)?
            .trim_end_matches([' ', '\t', '\n', '\r']);
        if !is_name(key) || found.iter().any(|(seen, _)| *seen == key) {
            return None;
        }
        let rest = skip_space(inside.get(equals.checked_add(1)?..)?);
        let quote = rest
            .chars()
            .next()
            .filter(|quote| matches!(quote, '"' | '\''))?;
        let body = rest.get(1..)?;
        let end = find_byte(body, u8::try_from(quote).ok()?)?;
        found.push((key, unescape(body.get(..end)?, true)?));
        let after = body.get(end.checked_add(1)?..)?;
        // Attributes are separated by whitespace.
        if !after.is_empty() && !after.starts_with([' ', '\t', '\n', '\r']) {
            return None;
        }
        inside = after;
    }
}

/// Reads a start tag (or an empty element) at `start`, adds the element and moves
/// `position` past the tag.
fn start_tag<'a>(
    builder: &mut Builder<'a>,
    markup: &'a str,
    start: usize,
    attributes: &mut Vec<(&'a str, Cow<'a, str>)>,
    position: &mut usize,
) -> Result<(), DomError> {
    let error = |position: usize| DomError::Xml {
        position: u64::try_from(position).unwrap_or(u64::MAX),
    };
    let tag = markup.get(1..).ok_or(error(start))?;
    let end = tag_end(tag).ok_or(error(start))?;
    let inside = tag.get(..end).ok_or(error(start))?;
    let (inside, empty) = match inside.strip_suffix('/') {
        Some(inside) => (inside, true),
        None => (inside, false),
    };
    let name_end = inside
        .as_bytes()
        .iter()
        .position(|byte| is_space(*byte))
        .unwrap_or(inside.len());
    let name = inside.get(..name_end).ok_or(error(start))?;
    if !is_name(name) {
        return Err(error(start));
    }
    read_attributes(inside.get(name_end..).ok_or(error(start))?, attributes).ok_or(error(start))?;
    if !empty && builder.open.len() >= MAX_DEPTH {
        return Err(DomError::TooDeep);
    }
    let index = builder.add(name, attributes, start)?;
    if empty {
        if builder.open.is_empty() {
            builder.closed = true;
        }
    } else {
        builder.open.push((index, name));
        builder.has_children.push(false);
    }
    *position = start
        .checked_add(end)
        .and_then(|sum| sum.checked_add(2))
        .ok_or(error(start))?;
    Ok(())
}

/// Parses a document into its element tree.
///
/// # Errors
///
/// [`DomError::Xml`] for text that is not well-formed XML (unclosed or mismatched tags,
/// unknown entities, text outside the root, two roots, a DOCTYPE after the root or with an
/// internal subset…); [`DomError::TooDeep`] past [`MAX_DEPTH`] levels.
pub(crate) fn parse(xml: &str) -> Result<Document<'_>, DomError> {
    let mut builder = Builder {
        document: Document {
            nodes: Vec::with_capacity(xml.len() / 48),
            attributes: Vec::new(),
            root_namespace: None,
        },
        open: Vec::with_capacity(MAX_DEPTH),
        has_children: Vec::with_capacity(MAX_DEPTH),
        closed: false,
    };
    let error = |position: usize| DomError::Xml {
        position: u64::try_from(position).unwrap_or(u64::MAX),
    };
    let advance = |base: usize, by: usize, more: usize| {
        base.checked_add(by)
            .and_then(|sum| sum.checked_add(more))
            .ok_or(error(base))
    };
    let mut attributes: Vec<(&str, Cow<'_, str>)> = Vec::new();
    let mut position = 0_usize;
    loop {
        let rest = xml.get(position..).ok_or(error(position))?;
        let Some(offset) = find_byte(rest, b'<') else {
            builder.push_text(unescape(rest, false).ok_or(error(position))?, position)?;
            break;
        };
        if offset > 0 {
            let text = rest.get(..offset).ok_or(error(position))?;
            if builder.ignores_text() {
                // Text after a child (indentation) is dropped; it must still be well formed.
                if text.contains('&') {
                    unescape(text, false).ok_or(error(position))?;
                }
            } else {
                builder.push_text(unescape(text, false).ok_or(error(position))?, position)?;
            }
        }
        let start = position.checked_add(offset).ok_or(error(position))?;
        let markup = xml.get(start..).ok_or(error(start))?;
        let second = markup.as_bytes().get(1).copied();
        if second == Some(b'/') {
            let closing = markup.get(2..).ok_or(error(start))?;
            let end = find_byte(closing, b'>').ok_or(error(start))?;
            let name = closing
                .get(..end)
                .ok_or(error(start))?
                .trim_end_matches([' ', '\t', '\n', '\r']);
            match builder.open.pop() {
                Some((_, open)) if open == name => {}
                _ => return Err(error(start)),
            }
            builder.has_children.pop();
            if builder.open.is_empty() {
                builder.closed = true;
            }
            position = advance(start, end, 3)?;
        } else if second != Some(b'!') && second != Some(b'?') {
            start_tag(&mut builder, markup, start, &mut attributes, &mut position)?;
        } else if let Some(comment) = markup.strip_prefix("<!--") {
            let end = comment.find("-->").ok_or(error(start))?;
            position = advance(start, end, 7)?;
        } else if let Some(data) = markup.strip_prefix("<![CDATA[") {
            let end = data.find("]]>").ok_or(error(start))?;
            if builder.open.is_empty() {
                return Err(error(start));
            }
            let raw = data.get(..end).ok_or(error(start))?;
            let text = if raw.contains('\r') {
                Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
            } else {
                Cow::Borrowed(raw)
            };
            builder.push_text(text, start)?;
            position = advance(start, end, 12)?;
        } else if let Some(doctype) = markup.strip_prefix("<!DOCTYPE") {
            let end = find_byte(doctype, b'>').ok_or(error(start))?;
            if !builder.document.nodes.is_empty()
                || doctype.get(..end).is_some_and(|body| body.contains('['))
            {
                return Err(error(start));
            }
            position = advance(start, end, 10)?;
        } else if let Some(instruction) = markup.strip_prefix("<?") {
            let end = instruction.find("?>").ok_or(error(start))?;
            if !is_name(
                instruction
                    .get(..end)
                    .ok_or(error(start))?
                    .split([' ', '\t', '\n', '\r'])
                    .next()
                    .unwrap_or_default(),
            ) {
                return Err(error(start));
            }
            position = advance(start, end, 4)?;
        } else {
            return Err(error(start));
        }
    }
    if !builder.open.is_empty() || builder.document.nodes.is_empty() {
        return Err(error(xml.len()));
    }
    Ok(builder.document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_prefixes_are_resolved() {
        let document = parse(r#"<?xml version="1.0"?><x:Invoice xmlns:x="u"><x:Name a:currencyID="v&amp;w">A &amp; B &#x41;<![CDATA[<c>]]></x:Name><Empty/></x:Invoice>"#).unwrap();
        let root = document.root();
        assert_eq!(root.name(), "Invoice");
        assert_eq!(document.root_namespace(), Some("u"));
        let name = root.child("Name").unwrap();
        assert_eq!(name.text(), "A & B A<c>");
        assert_eq!(name.attribute("currencyID"), Some("v&w"));
        assert!(root.child("Empty").is_some());
        assert_eq!(root.children().count(), 2);
        assert_eq!(root.text(), "");
    }

    #[test]
    fn line_breaks_are_normalised_and_siblings_kept_in_order() {
        let document = parse("<a xmlns=\"d\">\r\n <b>1</b>\r\n <b>x\r\ny</b><c/></a>").unwrap();
        assert_eq!(document.root_namespace(), Some("d"));
        let texts: Vec<&str> = document
            .root()
            .children_named("b")
            .map(|b| b.text())
            .collect();
        assert_eq!(texts, ["1", "x\ny"]);
        assert_eq!(document.root().text_at(&["c"]), None);
    }

    #[test]
    fn references_next_to_multi_byte_characters_are_resolved() {
        let document =
            parse("<a n=\"ļ&amp;ļļļļļļļļļļ\">SIA &quot;Ziemeļu Rati&quot;&#x10C;ļļļļļļ</a>")
                .unwrap();
        assert_eq!(document.root().text(), "SIA \"Ziemeļu Rati\"Čļļļļļļ");
    }

    #[test]
    fn long_texts_with_multi_byte_characters_are_read() {
        for padding in 40..60 {
            let text = format!("{}ä{}", "x".repeat(padding), "ü".repeat(30));
            let xml = format!("<a><b>{text}</b><c/></a>");
            let document = parse(&xml).unwrap();
            assert_eq!(document.root().text_at(&["b"]), Some(text.as_str()));
            assert!(document.root().child("c").is_some());
        }
    }

    #[test]
    fn markup_around_the_root_is_allowed() {
        let document = parse(
            "<?xml version=\"1.0\"?>\r\n<!DOCTYPE a SYSTEM \"a.dtd\">\n<!-- note -->\n<a name='x > y' filename=\"a\tb\">1\r\n2 &lt;&#233;&gt;<?pi data?></a>\n<!-- after -->\n",
        )
        .unwrap();
        let root = document.root();
        assert_eq!(root.attribute("name"), Some("x > y"));
        assert_eq!(root.attribute("filename"), Some("a b"));
        assert_eq!(root.text(), "1\n2 <é>");
    }

    #[test]
    fn malformed_documents_are_refused() {
        for bad in [
            "",
            "<a>",
            "<a></b>",
            "<a/><b/>",
            "<a></a><b/>",
            "text",
            "<a>&unknown;</a>",
            "<a x='1' x='2'/>",
            "<a/>text",
            "<a b=\"1\"c=\"2\"/>",
            "<a b=1/>",
            "<a>&#0;</a>",
            "<a>&#xD800;</a>",
            "<a>& b</a>",
            "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
            "<a></a><!DOCTYPE a>",
            "<a><1b/></a>",
            "<a><![CDATA[x</a>",
            "<a><!-- x </a>",
            "</a>",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse(&"<a>".repeat(65)).unwrap_err(), DomError::TooDeep);
    }

    /// A generated element: local name, kept attributes, and either text or children.
    #[derive(Debug, Clone)]
    struct Tree {
        name: String,
        attributes: Vec<(&'static str, String)>,
        text: String,
        children: Vec<Tree>,
    }

    fn escape(text: &str, attribute: bool, numeric: bool) -> String {
        let mut out = String::new();
        for character in text.chars() {
            match character {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' if !attribute => out.push_str("&gt;"),
                '"' if attribute => out.push_str("&quot;"),
                '\t' | '\n' if attribute => out.push_str(&format!("&#{};", u32::from(character))),
                other if numeric && !other.is_ascii() => {
                    out.push_str(&format!("&#x{:X};", u32::from(other)))
                }
                other => out.push(other),
            }
        }
        out
    }

    fn write(tree: &Tree, prefix: &str, numeric: bool, out: &mut String) {
        out.push_str(&format!("<{prefix}{}", tree.name));
        for (key, value) in &tree.attributes {
            out.push_str(&format!(" {key}=\"{}\"", escape(value, true, numeric)));
        }
        if tree.children.is_empty() && tree.text.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        if tree.children.is_empty() {
            out.push_str(&escape(&tree.text, false, numeric));
        } else {
            for child in &tree.children {
                out.push_str("\n  ");
                write(child, prefix, numeric, out);
            }
            out.push('\n');
        }
        out.push_str(&format!("</{prefix}{}>", tree.name));
    }

    fn same(tree: &Tree, element: Element<'_, '_>) -> bool {
        element.name() == tree.name
            && tree
                .attributes
                .iter()
                .all(|(key, value)| element.attribute(key) == Some(value.as_str()))
            && (!tree.children.is_empty() || element.text() == tree.text)
            && element.children().count() == tree.children.len()
            && tree
                .children
                .iter()
                .zip(element.children())
                .all(|(child, found)| same(child, found))
    }

    fn tree() -> impl proptest::strategy::Strategy<Value = Tree> {
        use proptest::prelude::*;
        let text = "[a-zA-Z0-9 &<>\"'\\n;#āļ€ü]{0,70}";
        let attribute = (
            proptest::sample::select(&KEPT_ATTRIBUTES[..]),
            "[a-zA-Z0-9 &<>\"'\\t\\n;#āļ€]{0,20}",
        );
        let name = "[A-Z][a-zA-Z]{0,12}";
        let leaf = (
            name,
            proptest::collection::vec(attribute.clone(), 0..3),
            text,
        )
            .prop_map(|(name, mut attributes, text)| {
                attributes.sort_by_key(|(key, _)| *key);
                attributes.dedup_by_key(|(key, _)| *key);
                Tree {
                    name,
                    attributes,
                    text,
                    children: Vec::new(),
                }
            });
        leaf.prop_recursive(4, 40, 6, move |inner| {
            (
                name,
                proptest::collection::vec(attribute.clone(), 0..3),
                proptest::collection::vec(inner, 1..6),
            )
                .prop_map(|(name, mut attributes, children)| {
                    attributes.sort_by_key(|(key, _)| *key);
                    attributes.dedup_by_key(|(key, _)| *key);
                    Tree {
                        name,
                        attributes,
                        text: String::new(),
                        children,
                    }
                })
        })
    }

    proptest::proptest! {
        /// Differential: whatever tree is written, with entities, character references and
        /// multi-byte characters anywhere, reads back as the same names, attributes and texts.
        #[test]
        fn written_trees_read_back(tree in tree(), prefixed in proptest::bool::ANY, numeric in proptest::bool::ANY) {
            let prefix = if prefixed { "cbc:" } else { "" };
            let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            write(&tree, prefix, numeric, &mut xml);
            let document = parse(&xml).unwrap_or_else(|error| panic!("{error:?} in {xml}"));
            proptest::prop_assert!(same(&tree, document.root()), "{}", xml);
        }
    }
}
