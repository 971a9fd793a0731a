//! The lexicon: the word lists extraction reads, in one place, as data.
//! The speaker and cue lists below are each one string of lower-case words
//! separated by whitespace; `speakers` builds its word table from them once
//! per process. The figure words (number words, scales, currencies, duration
//! units, the figure parser's word classes) are in `figures.rs`, the one
//! month table in `months.rs`, the groups of words that name one thing
//! around a figure ("arrested", "detained") in `concepts.rs`; both are looked up through the functions
//! re-exported here. The closed grammatical classes (determiners,
//! prepositions, auxiliaries, clause openers, name particles) are in
//! `grammar.rs`.

mod concepts;
mod figures;
mod grammar;
mod months;

pub use concepts::{concept, title_synonym};
pub(crate) use figures::{
    currency_adjective, currency_sym, currency_word, dollar_prefix, duration_unit,
    fraction_denominator, glued_scale, irregular_plural, is_figure_stop, is_measure_unit, iso_code,
    not_plural, number_word, spaced_scale, strong_count_noun, year_context, year_qualifier,
    NumberWord, COUNTING_VERBS, MEASURE_UNITS, QUALIFIERS,
};
pub(crate) use grammar::*;
pub(crate) use months::is_month_abbreviation;
pub use months::month_number;

/// Verbs (and verb forms) that attribute speech. Multi-word cues
/// ("according to", "puts it", "pointed out", "referring to") are handled by
/// [`crate::extract::speakers::cue_at`].
pub(crate) const CUE_VERBS: &str =
    "say says said saying tell tells told telling note notes noted noting \
    add adds added adding warn warns warned warning write writes wrote writing tweet tweets \
    tweeted tweeting declare declares declared declaring ask asks asked asking explain explains \
    explained explaining comment comments commented commenting caution cautions cautioned \
    cautioning concede concedes conceded conceding observe observes observed observing argue \
    argues argued arguing state states stated stating muse muses mused musing announce announces \
    announced announcing claim claims claimed claiming insist insists insisted insisting suggest \
    suggests suggested suggesting recall recalls recalled recalling reply replies replied \
    replying respond responds responded responding answer answers answered acknowledge \
    acknowledges acknowledged acknowledging admit admits admitted admitting assert asserts \
    asserted asserting contend contends contended maintain maintains maintained emphasize \
    emphasizes emphasized emphasise emphasises emphasised stress stresses stressed stressing \
    report reports reported reporting disclose discloses disclosed disclosing reveal reveals \
    revealed revealing confirm confirms confirmed confirming deny denies denied denying predict \
    predicts predicted predicting testify testifies testified testifying urge urges urged urging \
    remark remarks remarked joke jokes joked joking quip quips quipped complain complains \
    complained complaining counter counters countered conclude concludes concluded describe \
    describes described describing call calls called calling dub dubs dubbed label labels \
    labeled labelled brand brands branded term termed dismiss dismisses dismissed hint hints \
    hinted wonder wonders wondered allege alleges alleged alleging estimate estimates estimated \
    promise promises promised vow vows vowed boast boasts boasted recount recounts recounted \
    divulge divulges divulged divulging \
    reiterate reiterates reiterated repeat repeats repeated continue continues continued echo \
    echoes echoed scoff scoffed shout shouted yell yelled whisper whispered post posts posted \
    posting write texted emailed blogged agree agrees agreed believe believes believed thinks \
    think thought fear fears feared worry worries worried hope hopes hoped charge charges \
    charged accuse accuses accused acknowledge mention mentions mentioned specify specified \
    indicate indicates indicated signal signaled signalled opine opined lament lamented laments \
    conclude summarize summarized summed put puts putting read reads articulated articulate \
    articulates wrote proclaim proclaimed proclaims pledge pledged pledges retort retorted \
    interject interjected added reckon reckons reckoned point points pointed refer refers \
    referred referring demand demands demanded announce trumpeted trumpets insist rejoin \
    rejoined advise advised advises inform informs informed assure assures assured remind \
    reminds reminded convince convinced persuade persuaded told instruct instructed";

/// Cues that need more than their own word to be cues: "put" only as
/// "put it"/"puts it", "point" only as "pointed out", "refer" only with "to",
/// and mental-state verbs only before a that-clause.
pub(crate) const CUE_NEEDS_CONTEXT: &str =
    "put puts putting point points pointed refer refers referred \
    referring believe believes believed thinks think thought fear fears feared worry worries \
    worried hope hopes hoped read reads summed charge charges charged accuse accuses accused \
    advise advised advises inform informs informed assure assures assured convince convinced \
    persuade persuaded instruct instructed agree agrees agreed call calls called calling term \
    state states post posts answer \
    answers counter counters echo echoes repeat repeats continue continues continued mention \
    mentions remark remarks demand demands label labels brand brands tweet tweets signal promise \
    promises estimate estimates indicate indicates hint hints reply replies joke jokes concede \
    remind reminds reminded dismiss dismisses dismissed wonder wonders wondered";

/// Cue verbs after which the speaker may follow ("said Gen. X", "asks Carpenter").
pub(crate) const INVERTABLE: &str =
    "said says asked asks added adds wrote writes explained explains \
    continued continues recalled recalls replied replies remarked commented noted notes observed \
    observes argued argues insisted warned warns declared tweeted concluded concedes conceded \
    cautioned cautions quipped joked mused muses countered answered responded stated \
    acknowledged admitted suggested suggests predicted reported reports claimed claims announced";

/// Verbs that take the listener as object ("told VICE News that ...").
pub(crate) const TELL_VERBS: &str = "tell tells told telling warned warn warns warning informed \
    inform informs assured assure assures reminded remind reminds convinced persuaded advised \
    advise advises instructed asked ask asks urged urge urges promised promise promises";

/// Ranks and honorifics: kept in `speaker_as_written`, never part of the
/// name or the title.
pub(crate) const RANKS: &str =
    "mr mr. mrs mrs. ms ms. miss mx mx. dr dr. sir dame lord lady gen gen. \
    general lt lt. lieut. col col. colonel maj maj. major capt capt. captain sgt sgt. sergeant \
    adm adm. admiral cmdr cmdr. cdr. commander cpl cpl. pvt pvt. rev rev. reverend fr. brig. \
    marshal prof prof. messrs. mme mme.";

/// Title nouns: a word that makes a run of words a job title ("CIA
/// Director", "Foreign Ministry spokeswoman", "Russian security expert").
pub(crate) const TITLE_NOUNS: &str =
    "president vice-president president-elect premier minister secretary \
    director chief head spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople \
    spokespersons ambassador senator sen. rep. representative congressman congresswoman governor \
    gov. mayor chairman chairwoman chair chairperson ceo cfo coo cto founder co-founder \
    cofounder commissioner judge justice attorney lawyer counsel prosecutor commander officer \
    official adviser advisor aide leader chancellor king queen prince princess pope deputy \
    coordinator editor analyst expert researcher fellow professor prof. correspondent reporter \
    columnist writer author economist strategist diplomat envoy agent manager executive owner \
    partner scientist lawmaker legislator candidate nominee speaker whip superintendent sheriff \
    detective inspector activist historian journalist host anchor commentator consultant dean \
    rabbi bishop cardinal archbishop imam mp mep chairs heads chiefs directors ministers \
    officials attorney-general general specialist specialists negotiator investigator \
    administrator auditor comptroller treasurer clerk ombudsman regulator commandant marshal \
    emir sheikh sultan monarch dictator autocrat strongman premier czar spy spymaster tsar boss \
    staffer member vice \
    philosopher photographer photojournalist skipper fisherman farmer rancher teacher nurse \
    physician surgeon doctor dentist pharmacist therapist psychologist psychiatrist engineer \
    developer programmer designer architect artist painter sculptor novelist poet playwright \
    filmmaker producer actor actress singer musician composer coach pilot ranger curator \
    librarian pastor priest monk chef entrepreneur investor banker broker accountant \
    neuroscientist biologist physicist chemist astronomer geologist ecologist sociologist \
    anthropologist archaeologist linguist mathematician statistician epidemiologist virologist \
    veterinarian pollster demographer planner firefighter paramedic";

/// Lower-case words that may sit inside a pre-name title chain.
pub(crate) const TITLE_MODS: &str =
    "former deputy senior top chief vice acting assistant associate general \
    foreign security intelligence defense defence military national state federal cyber \
    cybersecurity policy news press executive managing special then ex interim prime finance \
    economy interior justice health energy trade party opposition campaign white house \
    communications legal political senior junior lead principal veteran longtime independent \
    private public government administration presidential district regional local city county \
    foreign-policy counterterrorism research technology tech information industry business \
    program programme project sales operations marketing financial investment fund company firm \
    agency ministry department strategic studies affairs law enforcement police";

/// Head nouns of unnamed sources.
pub(crate) const ANON_NOUNS: &str =
    "source sources official officials spokesman spokesmen spokeswoman \
    spokeswomen spokesperson spokespersons spokespeople representative representatives aide \
    aides adviser advisers advisor advisors diplomat diplomats analyst analysts expert experts \
    insider insiders person people someone somebody witness witnesses resident residents officer \
    officers employee employees staffer staffers lawmaker lawmakers legislator legislators \
    member members investigator investigators observer observers critic critics activist \
    activists researcher researchers executive executives friend friends colleague colleagues \
    relative relatives neighbor neighbors neighbour neighbours agent agents operative operatives \
    prosecutor prosecutors lawyer lawyers attorney attorneys authorities participants \
    participant organizers organisers protesters protestors voters users victims survivors \
    supporters opponents scientists scientist economists economist doctors doctor commander \
    commanders soldier soldiers defector defectors hacker hackers specialist specialists \
    engineer engineers manager managers worker workers students student teacher teachers parents \
    families leaders leader rumor rumors rumour rumours whistleblower whistleblowers insider \
    veterans veteran journalist journalists reporters reporter negotiators negotiator investors \
    investor traders trader bankers banker watchers pundits commentators historians academics \
    scholars scholar observers ministers minister authority spokesperson counterpart \
    counterparts staff personnel chiefs chief director directors head heads deputy deputies \
    senator senators congressmen republicans democrats man woman men women resident citizens \
    citizen fellow fellows professor professors consultant consultants contractor contractors \
    operator operators president secretary governor mayor ambassador envoy general generals \
    elders elder locals villagers farmers fishermen nurses patients customers shoppers drivers \
    passengers fans players coaches owners tenants landlords homeowners retailers \
    manufacturers growers suppliers regulators planners campaigners advocates \
    environmentalists conservationists politicians unions forecasters pollsters \
    mother father wife husband son daughter sister brother parent spouse partner widow widower \
    uncle aunt grandmother grandfather cousin niece nephew girlfriend boyfriend fiancee fiance \
    family respondent respondents hawks doves skeptics sceptics proponents backers detractors \
    author authors";

/// Head nouns of documents that speak ("a White House statement said").
pub(crate) const DOC_NOUNS: &str =
    "report reports statement statements study studies survey surveys \
    document documents letter letters memo memos memorandum filing filings indictment \
    indictments complaint tweet tweets release transcript email e-mail emails note order ruling \
    lawsuit analysis assessment poll polls records record data figures estimate estimates \
    investigation review audit summary readout communique declaration announcement decree bill \
    law resolution book article story account testimony warrant affidavit cable cables dossier \
    guidance advisory bulletin notice message messages manifesto version post posts verdict \
    judgment judgement charges charge documentation paperwork minutes sheet text draft proposal \
    plan policy website blog video footage recording recordings findings evidence research \
    claims allegations allegation claim reporting coverage media";

/// Head nouns of unnamed organisations ("the company said").
pub(crate) const ORG_HEADS: &str =
    "company firm group agency ministry government department police army \
    military court committee council board party campaign team office embassy bank university \
    organisation organization administration commission regulator watchdog union coalition \
    alliance school hospital club airline carrier manufacturer retailer developer startup bureau \
    service institute foundation charity prosecutors prosecutor's parliament senate congress \
    legislature cabinet ministry's force forces navy airport council's giant maker insurer \
    lender operator utility network platform studio label county city state federation league \
    association society movement opposition regime junta authority directorate secretariat \
    tribunal jury";

/// Generic words for publications ("the publication said").
pub(crate) const PUB_NOUNS: &str =
    "publication newspaper paper outlet magazine daily weekly tabloid \
    broadsheet site broadcaster channel journal newswire wire";

/// Words that mark a capitalised name as a publication.
pub(crate) const PUB_WORDS: &str =
    "times post news journal beast guardian telegraph tribune herald gazette \
    daily magazine review chronicle observer independent mirror express reuters bloomberg ap afp \
    bbc cnn nbc abc cbs msnbc npr pbs politico axios vice wired economist atlantic intercept vox \
    buzzfeed slate salon newsweek forbes fortune interfax tass ria novosti kommersant vedomosti \
    izvestia pravda meduza rbc sputnik xinhua yonhap kyodo haaretz spiegel bild monde figaro \
    zeitung nikkei inquirer bellingcat propublica verge techcrunch motherboard gizmodo insider \
    newsmax breitbart nation spectator mail sun standard dispatch courier bulletin register \
    examiner sentinel record enquirer press radio tv television network wire wsj nyt ft rt hill \
    huffpost huffington cnbc fox dw france24 euronews aljazeera jazeera rferl liberty";

/// Words that mark a capitalised name as an organisation.
pub(crate) const ORG_WORDS: &str =
    "agency service services bureau ministry department council committee \
    commission office company corporation corp corp. inc inc. ltd ltd. llc group lab labs \
    laboratory institute institution university college school center centre party government \
    administration court police army navy force forces guard parliament senate congress house \
    assembly duma kremlin pentagon bank fund foundation association union federation \
    organization organisation alliance coalition partners partnership authority board \
    directorate command unit team club society league church movement front campaign trust \
    industries holdings systems technologies secretariat cabinet embassy consulate mission \
    prosecutor's nato un eu interpol europol fbi cia nsa fsb gru svr dea dhs doj nsc kgb mi5 mi6 \
    gchq google facebook twitter microsoft apple amazon telegram meta kaspersky gazprom rosneft \
    roskomnadzor state states republic kingdom federal network networks airlines motors exchange \
    stock program initiative project task brigade regiment division battalion corps court \
    tribunal prosecutors treasury white";

/// Countries and capitals used for their governments ("Moscow said").
pub(crate) const PLACES: &str =
    "russia ukraine china iran israel germany france britain america japan \
    india turkey syria iraq poland belarus georgia canada italy spain moscow washington beijing \
    kyiv kiev london paris berlin tehran jerusalem ankara minsk tokyo brussels warsaw pyongyang \
    seoul damascus baghdad kabul delhi riyadh doha cairo europe asia africa nato kremlin \
    pentagon ireland scotland wales england korea arabia zealand kong lanka york jersey angeles \
    francisco orleans diego chicago boston texas california florida virginia carolina dakota \
    mexico brazil argentina chile peru colombia venezuela cuba australia indonesia pakistan \
    afghanistan bangladesh vietnam thailand philippines malaysia singapore taiwan egypt libya \
    tunisia algeria morocco nigeria kenya ethiopia somalia sudan yemen oman qatar bahrain kuwait \
    lebanon jordan palestine gaza crimea donbas donetsk luhansk kharkiv odesa odessa mariupol \
    chechnya dagestan caucasus siberia estonia latvia lithuania finland sweden norway denmark \
    netherlands belgium austria switzerland hungary romania bulgaria serbia croatia bosnia \
    kosovo albania greece cyprus portugal czechia slovakia slovenia moldova armenia azerbaijan \
    kazakhstan uzbekistan kyrgyzstan tajikistan turkmenistan mongolia nepal myanmar cambodia \
    laos helsinki stockholm oslo copenhagen vienna rome madrid lisbon athens budapest prague \
    bucharest sofia belgrade tbilisi yerevan baku astana tashkent islamabad kathmandu bangkok \
    hanoi manila jakarta canberra sydney melbourne ottawa toronto montreal vancouver brasilia \
    caracas havana bogota lima santiago nairobi lagos addis tripoli khartoum sanaa beirut amman \
    gulf sea ocean atlantic pacific arctic baltic balkans mediterranean";

/// First words of place names ("Northern Ireland", "New York", "South
/// Korea"): a run starting with one is not a person.
pub(crate) const PLACE_PREFIXES: &str =
    "north northern south southern east eastern west western central \
    new san los las saint sao united great upper lower greater middle far near inner outer";

/// Month and weekday names: capitalised but never names.
pub(crate) const CALENDAR: &str =
    "january february march april may june july august september october \
    november december jan jan. feb feb. mar. apr apr. jun. jul. aug aug. sep sep. sept sept. oct \
    oct. nov nov. dec dec. monday tuesday wednesday thursday friday saturday sunday";

/// Capitalised words that are not names when they open a sentence or a
/// clause, plus common capitalised non-name words.
pub(crate) const CAP_STOP: &str =
    "the a an he she it they we i you his her its their our my your this that \
    these those there here but and or so yet in on at for from with by to as if when while after \
    before since although though however meanwhile still also then now some many most all one \
    both each no not only even what which who why how where during under over according later \
    earlier despite instead indeed moreover such another other last next among because until \
    unlike like given asked following read related cover image photo getty images advertisement \
    editor's note update updated shortly almost hours days years undaunted significantly \
    curiously unfortunately fortunately yes ok okay is are was were do does did can could will \
    would should may might must has have had be been being let just again once every any few \
    several either neither nor thus hence therefore otherwise perhaps maybe probably certainly \
    clearly obviously then today tomorrow yesterday tonight via per about above across against \
    along around behind below beneath beside between beyond down inside into near off onto out \
    outside through throughout toward towards up upon within without whom whose whether whatever \
    whenever wherever whoever except besides ahead amid amidst regardless whereas";

/// Prepositions that start a post-modifier of a noun phrase.
pub(crate) const PP_STARTERS: &str =
    "for of in at from with within inside on close familiar knowledgeable \
    involved briefed near across throughout representing";

/// Words that stop a noun phrase.
pub(crate) const NP_STOP: &str =
    "is was were are am be been being has have had having will would could can \
    may might must should shall did does do who whom whose which that but or yet so because \
    while when although though if as than like to by about into over under after before during \
    since until not also there then where whether it he she they we i you him them us me himself \
    herself themselves last this on in at for of from with according its";

/// Determiners and quantifiers that may open a noun phrase.
pub(crate) const DETS: &str =
    "the a an one another some several many most all both other two three four \
    five six seven eight nine ten our their his her its these those this numerous various \
    multiple few dozens any no certain unnamed anonymous my";

/// Words that may sit between a subject and its verb ("he has mused",
/// "Bortnikov recently announced").
pub(crate) const SUBJ_VERB_FILLERS: &str =
    "has have had also then later once again further first earlier \
    now still too even would will could might may can did does do is was were are all both each \
    just never ever already since previously recently reportedly apparently allegedly famously \
    publicly privately repeatedly simply flatly bluntly casually separately not only himself \
    herself themselves itself often sometimes always frequently rarely long quickly immediately \
    subsequently however too else personally directly";

/// Common male and female given names, used only to check that a pronoun
/// fits a candidate antecedent.
pub(crate) const MALE_NAMES: &str =
    "john james robert michael william david richard joseph thomas charles \
    christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian \
    george edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen \
    larry justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack \
    dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan \
    jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse \
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph \
    randy eugene vincent russell elijah louis bobby philip johnny bob mike dan chris alex bill \
    tom jim barack vladimir sergei sergey dmitry dmitri igor nikolai andrei andrey ivan mikhail \
    yuri boris alexei alexey oleg viktor pavel ruslan evgeny yevgeny anatoly vitaly volodymyr \
    petro emmanuel rudy rudolph mitch lindsey ted rex mike hunter kim xi recep benjamin bibi ali \
    mohammed muhammad ahmed omar hassan tamerlan dzhokhar dzokhar ramzan bashar bassar nikita \
    ilya kirill maxim artem denis roman anton arkady gennady leonid valery vyacheslav konstantin \
    grigory fyodor lev semyon stanislav yaroslav dominic keir rishi olaf emmanuel justin joe \
    luca joshua andrea elia mustafa musa isa yahya zakaria akira sasha misha kostya dima vova \
    tolya sergio mario pierre francois jacques hans klaus jurgen xavier hamza garcia costa";

pub(crate) const FEMALE_NAMES: &str =
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah \
    karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol \
    amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela \
    helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine \
    carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina \
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann \
    teresa kathryn sara janice alice madison doris abigail julia judy grace denise amber marilyn \
    beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis \
    kayla hillary nikki nancy kamala theresa ursula priscilla alina olga tatiana tatyana \
    svetlana irina natalia natalya yelena elena ekaterina yekaterina anastasia lyudmila ludmila \
    galina valentina marina yulia julia oksana ksenia daria darya sofia christiane fiona sheryl \
    condoleezza madeleine samantha nikki liz kate jane tulsi kirstjen gina avril loretta janet \
    nina vera lydia inna zoya alla larisa veronika polina alyona kristina anne ann jane joan \
    ellen caroline claire louise sophie chloe zoe lucy katie esther miriam lily ivy hazel ingrid \
    astrid marine kristen kirsten lindsay shelley tracy nicola mette jacinda giorgia kaja \
    annalena sanna";

/// Nouns of speech that credit their owner ("Putin's prior offer").
pub(crate) const SPEECH_NOUNS: &str =
    "offer statement remarks comments comment words proposal claim promise \
    pledge warning message tweet speech testimony letter assertion suggestion argument response \
    reply answer description phrase call plea demand vow boast question announcement post \
    declaration insistence complaint accusation allegation quip retort formula idea \
    proposition slogan mantra motto catchphrase term";

/// Nouns of reported content that take a that-clause ("rumors that",
/// "The official version is that").
pub(crate) const CONTENT_NOUNS: &str =
    "rumor rumors rumour rumours reports report version claim claims \
    allegation allegations announcement assertion speculation word statement suggestion \
    warning assurance assurances insistence accounts";
