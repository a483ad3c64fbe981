package build

import (
	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
)

// vocabularyNamespaces maps a front matter field to the i18n namespace of its allowed keys.
var vocabularyNamespaces = map[string]string{"themes": "theme", "audience": "audience", "setting": "setting",
	"source": "source", "pilots": "pilot", "level": "level", "region": "region"}

// Vocabularies returns the keys each front matter field allows, from the UI strings.
func Vocabularies(cat *i18n.Catalog) map[string]content.Vocabulary {
	vocab := map[string]content.Vocabulary{}
	for field, ns := range vocabularyNamespaces {
		vocab[field] = cat.Vocabulary(ns)
	}
	return vocab
}
