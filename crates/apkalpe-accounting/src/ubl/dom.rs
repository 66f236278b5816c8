//! A small element tree read with quick-xml: local names, attributes, text. Enough for
//! UBL, which has no mixed content.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::error::ReadUblError;

/// The deepest nesting accepted.
const MAX_DEPTH: usize = 64;

/// An element: its local name (prefix dropped), attributes by local name, text and children.
#[derive(Debug, Default)]
pub(crate) struct Element {
    pub(crate) name: String,
    attributes: Vec<(String, String)>,
    pub(crate) text: String,
    pub(crate) children: Vec<Element>,
}

impl Element {
    /// Returns the first child with the local name.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    /// Returns every child with the local name.
    pub(crate) fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |child| child.name == name)
    }

    /// Follows a path of local names through first children.
    pub(crate) fn path(&self, names: &[&str]) -> Option<&Element> {
        names
            .iter()
            .try_fold(self, |element, name| element.child(name))
    }

    /// Returns the trimmed text at a path, if the element exists and is not blank.
    pub(crate) fn text_at(&self, names: &[&str]) -> Option<&str> {
        self.path(names)
            .map(|element| element.text.trim())
            .filter(|text| !text.is_empty())
    }

    /// Returns an attribute by local name.
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Returns the part of a qualified name after the colon.
fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_owned()
}

/// Reads attributes of a start tag.
fn attributes(
    start: &quick_xml::events::BytesStart<'_>,
    position: u64,
) -> Result<Vec<(String, String)>, ReadUblError> {
    let mut found = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|_| ReadUblError::Xml { position })?;
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|_| ReadUblError::Xml { position })?;
        found.push((local(attribute.key.as_ref()), value.into_owned()));
    }
    Ok(found)
}

/// Parses a document into its root element.
pub(crate) fn parse(xml: &str) -> Result<Element, ReadUblError> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|_| ReadUblError::Xml { position })?;
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(ReadUblError::TooDeep { max: MAX_DEPTH });
                }
                if root.is_some() {
                    return Err(ReadUblError::Xml { position });
                }
                stack.push(Element {
                    name: local(start.name().as_ref()),
                    attributes: attributes(&start, position)?,
                    ..Element::default()
                });
            }
            Event::Empty(start) => {
                let element = Element {
                    name: local(start.name().as_ref()),
                    attributes: attributes(&start, position)?,
                    ..Element::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None if root.is_none() => root = Some(element),
                    None => return Err(ReadUblError::Xml { position }),
                }
            }
            Event::End(_) => {
                let element = stack.pop().ok_or(ReadUblError::Xml { position })?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::Text(text) => {
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&text.xml10_content());
                } else if !text.xml10_content().trim().is_empty() {
                    return Err(ReadUblError::Xml { position });
                }
            }
            Event::CData(data) => {
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&data.xml10_content());
                }
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
                        _ => return Err(ReadUblError::Xml { position }),
                    },
                    Err(_) => return Err(ReadUblError::Xml { position }),
                };
                if let Some(current) = stack.last_mut() {
                    current.text.push(resolved);
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(ReadUblError::Xml {
            position: reader.buffer_position(),
        });
    }
    root.ok_or(ReadUblError::Xml {
        position: reader.buffer_position(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_prefixes_are_resolved() {
        let root = parse(r#"<?xml version="1.0"?><x:Invoice xmlns:x="u"><x:Name a:k="v&amp;w">A &amp; B &#x41;<![CDATA[<c>]]></x:Name><Empty/></x:Invoice>"#).unwrap();
        assert_eq!(root.name, "Invoice");
        let name = root.child("Name").unwrap();
        assert_eq!(name.text, "A & B A<c>");
        assert_eq!(name.attribute("k"), Some("v&w"));
        assert!(root.child("Empty").is_some());
    }

    #[test]
    fn malformed_documents_are_refused() {
        for bad in ["", "<a>", "<a></b>", "<a/><b/>", "text", "<a>&unknown;</a>"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            parse(&"<a>".repeat(65)).unwrap_err(),
            ReadUblError::TooDeep { max: 64 }
        );
    }
}
