package corpus

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordList is the vocabulary of one language; text is drawn from it at random, so word
// frequencies look like prose (a few common words, many rare ones).
type wordList []string

var words = map[string]wordList{
	"en": strings.Fields(`the a and of to in with for is are you your children child parents parent teacher
		teachers school preschool childcare team care learning educare assistant practitioner group class
		conversation question questions meeting meetings time together listen ask talk trust open first day
		families family language languages home neighbourhood play classroom routine nap meal snack toilet
		nappy pacifier transition enrolment welcome goodbye gate playground photos visit coach coaching
		facilitator reflection session sessions practice vision leadership leader policy training support
		diversity inclusion identity professional collaboration cooperation week month year hour hours
		small smaller hands space room materials notes write share change shared own each every other
		what how why when where who which their they we our it this that these those can will should
		might often always sometimes never more less most about after before during between through`),
	"nl": strings.Fields(`de het een en van in met voor is zijn je jouw kinderen kind ouders ouder leerkracht
		kleuterjuf kleuterschool kinderopvang team zorg leren educare kinderverzorger kinderbegeleider groep
		klas gesprek vraag vragen overleg overleggen tijd samen luisteren vragen praten vertrouwen open eerste
		dag gezinnen gezin taal talen thuis buurt spelen klaslokaal routine middagdutje maaltijd tienuurtje
		toilet luier fopspeen overgang inschrijving welkom afscheid poort speelplaats foto's bezoek coach
		coaching begeleider reflectie sessie sessies praktijk visie leiderschap directie beleid vorming
		ondersteuning diversiteit inclusie identiteit professioneel samenwerking week maand jaar uur uren
		klein kleinere handen ruimte materiaal notities schrijven delen verandering gedeeld eigen elke
		andere wat hoe waarom wanneer waar wie welke hun ze we onze het dit dat deze die kan zal moet
		vaak altijd soms nooit meer minder meest over na voor tijdens tussen door`),
}

// word draws with a skew towards the start of the list.
func (w wordList) word(rng *rand.Rand) string {
	i := int(float64(len(w)) * rng.Float64() * rng.Float64())
	return w[i]
}

func (w wordList) sentence(rng *rand.Rand, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w.word(rng)
	}
	return capitalize(strings.Join(parts, " "))
}

func (w wordList) title(rng *rand.Rand, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w[rng.IntN(len(w))]
	}
	return capitalize(strings.Join(parts, " "))
}

// paragraph is n sentences of 12 to 24 words.
func (w wordList) paragraph(rng *rand.Rand, n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = w.sentence(rng, 12+rng.IntN(13)) + "."
	}
	return strings.Join(s, " ")
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
