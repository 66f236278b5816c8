//! A small element tree read with quick-xml: local names, a few attributes, text. Enough for
//! UBL, which has no mixed content.
//!
//! The tree is one flat arena of nodes linked by index (first child, next sibling), and it
//! borrows names and, where no entity had to be resolved, texts from the input: reading a
//! 1 000-line invoice allocates a few vectors, not one string per element.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

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
    attributes: Vec<(&'static str, String)>,
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
            .map(|(_, value)| value.as_str())
    }
}

/// Returns the part of a qualified name after the colon.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Returns the tag name of `start` as a slice of the input, which begins at `offset`
/// (the `<`), so the tree can borrow it for the input's lifetime.
fn name_in_input<'a>(input: &'a str, offset: u64, start: &BytesStart<'_>) -> Option<&'a str> {
    let name = start.name();
    let name = name.as_ref();
    let begin = usize::try_from(offset).ok()?.checked_add(1)?;
    let slice = input.get(begin..begin.checked_add(name.len())?)?;
    (slice == name).then_some(slice)
}

/// The arena being built: the nodes, the path of open elements and the kept attributes.
struct Builder<'a> {
    input: &'a str,
    document: Document<'a>,
    open: Vec<u32>,
    /// Whether the innermost open element has had a child (its later text is ignored).
    has_children: Vec<bool>,
}

impl<'a> Builder<'a> {
    fn error(position: u64) -> DomError {
        DomError::Xml { position }
    }

    /// Adds an element below the innermost open one; returns its index.
    fn add(&mut self, start: &BytesStart<'_>, position: u64) -> Result<u32, DomError> {
        let qualified = name_in_input(self.input, position, start).ok_or(Self::error(position))?;
        let index = u32::try_from(self.document.nodes.len()).map_err(|_| Self::error(position))?;
        let root = index == 0;
        if !root && self.open.is_empty() {
            // A second root element.
            return Err(Self::error(position));
        }
        let first_attribute =
            u32::try_from(self.document.attributes.len()).map_err(|_| Self::error(position))?;
        let prefix = qualified.split_once(':').map(|(prefix, _)| prefix);
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|_| Self::error(position))?;
            let key = attribute.key.as_ref();
            if root {
                let declares = match prefix {
                    Some(prefix) => key.strip_prefix("xmlns:") == Some(prefix),
                    None => key == "xmlns",
                };
                if declares {
                    self.document.root_namespace = Some(
                        attribute
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map_err(|_| Self::error(position))?
                            .into_owned(),
                    );
                    continue;
                }
            }
            let key = local(key);
            let Some(kept) = KEPT_ATTRIBUTES.iter().find(|kept| **kept == key) else {
                // Still check that the value is well formed.
                attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|_| Self::error(position))?;
                continue;
            };
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|_| Self::error(position))?;
            self.document.attributes.push((kept, value.into_owned()));
        }
        let last_attribute =
            u32::try_from(self.document.attributes.len()).map_err(|_| Self::error(position))?;
        self.document.nodes.push(Node {
            name: local(qualified),
            text: Cow::Borrowed(""),
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            attributes: (first_attribute, last_attribute),
        });
        if let Some(&parent) = self.open.last() {
            self.link(parent, index);
        }
        Ok(index)
    }

    /// Links `child` as the last child of `parent`.
    fn link(&mut self, parent: u32, child: u32) {
        let previous = self.document.node(parent).map(|node| node.last_child);
        if let Some(previous) = previous.filter(|previous| *previous != NONE) {
            if let Some(node) = usize::try_from(previous)
                .ok()
                .and_then(|index| self.document.nodes.get_mut(index))
            {
                node.next_sibling = child;
            }
        } else if let Some(node) = usize::try_from(parent)
            .ok()
            .and_then(|index| self.document.nodes.get_mut(index))
        {
            node.first_child = child;
        }
        if let Some(node) = usize::try_from(parent)
            .ok()
            .and_then(|index| self.document.nodes.get_mut(index))
        {
            node.last_child = child;
            // UBL has no mixed content: the whitespace before the first child is not text.
            node.text = Cow::Borrowed("");
        }
        if let Some(flag) = self.has_children.last_mut() {
            *flag = true;
        }
    }

    /// Appends text to the innermost open element.
    fn push_text(&mut self, text: Cow<'a, str>, position: u64) -> Result<(), DomError> {
        let Some(&current) = self.open.last() else {
            return if text.trim().is_empty() {
                Ok(())
            } else {
                Err(Self::error(position))
            };
        };
        if self.has_children.last().copied().unwrap_or(false) {
            return Ok(());
        }
        if let Some(node) = usize::try_from(current)
            .ok()
            .and_then(|index| self.document.nodes.get_mut(index))
        {
            if node.text.is_empty() {
                node.text = text;
            } else {
                node.text.to_mut().push_str(&text);
            }
        }
        Ok(())
    }
}

/// Parses a document into its element tree.
///
/// # Errors
///
/// [`DomError::Xml`] for text that is not well-formed XML (unclosed or mismatched tags,
/// unknown entities, text outside the root, two roots, a DOCTYPE after the root…);
/// [`DomError::TooDeep`] past [`MAX_DEPTH`] levels.
pub(crate) fn parse(xml: &str) -> Result<Document<'_>, DomError> {
    let mut reader = Reader::from_str(xml);
    let mut builder = Builder {
        input: xml,
        document: Document {
            nodes: Vec::with_capacity(xml.len() / 48),
            attributes: Vec::new(),
            root_namespace: None,
        },
        open: Vec::with_capacity(MAX_DEPTH),
        has_children: Vec::with_capacity(MAX_DEPTH),
    };
    let mut closed = false;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|_| DomError::Xml {
            position: reader.error_position(),
        })?;
        match event {
            Event::Start(start) => {
                if closed {
                    return Err(Builder::error(position));
                }
                if builder.open.len() >= MAX_DEPTH {
                    return Err(DomError::TooDeep);
                }
                let index = builder.add(&start, position)?;
                builder.open.push(index);
                builder.has_children.push(false);
            }
            Event::Empty(start) => {
                if closed {
                    return Err(Builder::error(position));
                }
                builder.add(&start, position)?;
                if builder.open.is_empty() {
                    closed = true;
                }
            }
            Event::End(_) => {
                builder.open.pop().ok_or(Builder::error(position))?;
                builder.has_children.pop();
                if builder.open.is_empty() {
                    closed = true;
                }
            }
            Event::Text(text) => {
                builder.push_text(text.xml10_content(), position)?;
            }
            Event::CData(data) => {
                if builder.open.is_empty() {
                    return Err(Builder::error(position));
                }
                let content = data.xml10_content().into_owned();
                builder.push_text(Cow::Owned(content), position)?;
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(character)) => character,
                    Ok(None) => match reference.xml10_content().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => return Err(Builder::error(position)),
                    },
                    Err(_) => return Err(Builder::error(position)),
                };
                if builder.open.is_empty() {
                    return Err(Builder::error(position));
                }
                builder.push_text(Cow::Owned(resolved.to_string()), position)?;
            }
            Event::Eof => break,
            Event::DocType(_) if builder.document.nodes.is_empty() => {}
            Event::DocType(_) => return Err(Builder::error(position)),
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
        }
    }
    if !builder.open.is_empty() || builder.document.nodes.is_empty() {
        return Err(Builder::error(reader.buffer_position()));
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
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse(&"<a>".repeat(65)).unwrap_err(), DomError::TooDeep);
    }
}
