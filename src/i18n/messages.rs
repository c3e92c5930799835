//! The message table: one line per UI string, French then English.
//!
//! The app's wasm does not carry this table: the build writes it beside the app, one file per
//! language and [`Part`] (`table_json`, run by `repere-data`), and the app downloads what it
//! needs (see the module doc of `i18n`): the `start` part of its language before it mounts, the
//! `pages` part with the first page loaded on demand (`ui::lazy`). Only the `early` messages are
//! compiled into the app: what it says when the catalogue or this table cannot be downloaded.
//! A test (`tests/architecture.rs`) checks that the code of the first screen names `early` and
//! `start` messages only.

/// The app itself (wasm, code split) reads its messages from the downloaded table; native code
/// and the wasm-bindgen tests (`--cfg repere_unsplit`) have them compiled in.
macro_rules! messages {
    (
        early { $($ekey:ident => $efr:expr, $een:expr;)* }
        start { $($skey:ident => $sfr:expr, $sen:expr;)* }
        pages { $($pkey:ident => $pfr:expr, $pen:expr;)* }
    ) => {
        /// A UI string. See the module table for its texts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($ekey,)* $($skey,)* $($pkey),* }

        impl Msg {
            /// Every message, for completeness tests and the table files (in this order:
            /// `early`, then each [`Part`]).
            pub const ALL: &'static [Msg] = &[$(Msg::$ekey,)* $(Msg::$skey,)* $(Msg::$pkey),*];

            /// How many messages are `early`, in `start`, in `pages`.
            pub(super) const COUNTS: [usize; 3] = [
                [$(Msg::$ekey),*].len(),
                [$(Msg::$skey),*].len(),
                [$(Msg::$pkey),*].len(),
            ];

            /// `[french, english]`.
            #[cfg(not(all(target_arch = "wasm32", not(repere_unsplit))))]
            pub(super) fn texts(self) -> [&'static str; 2] {
                match self {
                    $(Msg::$ekey => [$efr, $een],)*
                    $(Msg::$skey => [$sfr, $sen],)*
                    $(Msg::$pkey => [$pfr, $pen]),*
                }
            }

            /// `[french, english]` of the messages compiled into the app itself.
            #[cfg_attr(not(all(target_arch = "wasm32", not(repere_unsplit))), allow(dead_code))]
            pub(super) fn early(self) -> Option<[&'static str; 2]> {
                match self {
                    $(Msg::$ekey => Some([$efr, $een]),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }
    };
}

messages! {
    // Compiled into the app: what it says when it cannot download the catalogue or this table.
    early {
        AppName => "Repère", "Repère";
        DataBroken => "Les données de l’application sont illisibles. Merci de signaler ce problème\u{a0}: {detail}", "The application data cannot be read. Please report this problem: {detail}";
        DataUnreachable => "Le catalogue n’a pas pu être chargé. Vérifiez votre connexion à Internet, puis réessayez. Une fois chargé, Repère fonctionne aussi hors ligne.", "The catalogue could not be loaded. Check your Internet connection, then try again. Once loaded, Repère also works offline.";
        DataRetry => "Réessayer", "Try again";
    }

    // The first screen's: the shell, the catalogue, the selection, notices of the saved work.
    start {
        // Shell
        SkipToContent => "Aller au contenu", "Skip to content";
        MainNav => "Navigation principale", "Main navigation";
        MenuButton => "Menu", "Menu";
        NavCatalogue => "Catalogue", "Catalogue";
        LanguageUnavailable => "L’interface n’a pas pu changer de langue\u{a0}: vérifiez votre connexion à Internet, puis réessayez.", "The interface could not change language: check your Internet connection, then try again.";
        LanguageSwitchLabel => "Choisir la langue de l’interface", "Choose the interface language";
        FooterData => "Données\u{a0}: France compétences, Répertoire national des certifications professionnelles (RNCP), Licence Ouverte 2.0.", "Data: France compétences, National Register of Professional Certifications (RNCP), Open Licence 2.0.";
        FooterPrivacy => "Repère fonctionne entièrement dans votre navigateur\u{a0}: aucun compte, aucun suivi, rien n’est envoyé.", "Repère runs entirely in your browser: no account, no tracking, nothing is sent.";
        SelectionLoading => "Chargement des certifications choisies…", "Loading the chosen certifications…";
        SelectionFailed => "Ces fiches n’ont pas pu être chargées : {codes}. Vérifiez votre connexion à Internet, puis réessayez.", "These fiches could not be loaded: {codes}. Check your Internet connection, then try again.";
        PageLoading => "Chargement de la page…", "Loading the page…";
        PageUnavailable => "Page indisponible", "Page unavailable";
        PageUnreachable => "Cette page n’a pas pu être chargée. Vérifiez votre connexion à Internet, puis réessayez.", "This page could not be loaded. Check your Internet connection, then try again.";
        PageTitle => "{page} — Repère", "{page} — Repère";

        // Catalogue
        CatalogueTitle => "Catalogue des certifications", "Certification catalogue";
        CatalogueIntro => "Choisissez une certification pour lire ses blocs de compétences. Cherchez par métier, compétence, code RNCP ou code ROME.", "Choose a certification to read its skill blocks (blocs de compétences). Search by job, competency, RNCP code or ROME code.";
        SearchLabel => "Rechercher une certification", "Search for a certification";
        SearchHint => "Un mot, un métier, une compétence ou un code (RNCP, ROME, NSF, Formacode). Les accents et majuscules sont facultatifs.", "A word, a job, a competency or a code (RNCP, ROME, NSF, Formacode). Accents and capitals are optional. Certification texts are in French.";
        Filters => "Filtres", "Filters";
        FiltersActiveOne => "Filtres ({n} actif)", "Filters ({n} set)";
        FiltersActiveMany => "Filtres ({n} actifs)", "Filters ({n} set)";
        FilterLevel => "Niveau", "Level";
        FilterStatus => "Statut", "Status";
        FilterCertifier => "Certificateur", "Certifying body";
        FilterRome => "Métier (ROME)", "Job (ROME)";
        FilterNsf => "Domaine (NSF)", "Field (NSF)";
        FilterAll => "Tous", "All";
        ClearSearch => "Effacer la recherche et les filtres", "Clear search and filters";
        ResultsOne => "{n} certification", "{n} certification";
        ResultsMany => "{n} certifications", "{n} certifications";
        SearchPartial => "La recherche porte ici sur les titres, codes et métiers : les compétences n’ont pas pu être chargées (hors ligne ?).", "Here the search covers titles, codes and jobs: the competencies could not be loaded (offline?).";
        SearchPreparing => "Préparation de la recherche…", "Preparing the search…";
        SearchUnavailable => "La recherche n’a pas pu être préparée\u{a0}: vérifiez votre connexion à Internet, puis tapez à nouveau dans le champ de recherche.", "The search could not be prepared: check your Internet connection, then type in the search box again.";
        NoResults => "Aucune certification ne correspond. Essayez un autre mot ou retirez un filtre.", "No certification matches. Try another word or remove a filter.";
        LevelN => "Niveau {n}", "Level {n}";
        StatusActive => "Active", "Active";
        StatusExpired => "Expirée", "Expired";
        StatusReplaced => "Remplacée", "Replaced";
        StatusActiveUntil => "Active jusqu’au {date}", "Active until {date}";
        StatusActiveNoDate => "Active", "Active";
        StatusExpiredOn => "Expirée depuis le {date}", "Expired since {date}";
        StatusReplacedBy => "Remplacée par {code}", "Replaced by {code}";
        BlocsOne => "{n} bloc", "{n} bloc";
        BlocsMany => "{n} blocs", "{n} blocs";
        CompetenciesOne => "{n} compétence", "{n} competency";
        CompetenciesMany => "{n} compétences", "{n} competencies";
        MatchedBecause => "Correspond à la recherche\u{a0}:", "Matches your search:";
        MoreMatchesOne => "et {n} autre correspondance", "and {n} more match";
        MoreMatchesMany => "et {n} autres correspondances", "and {n} more matches";
        ReasonTitle => "Intitulé", "Title";
        ReasonCode => "Code RNCP", "RNCP code";
        ReasonBloc => "Bloc {code}", "Bloc {code}";
        ReasonCompetency => "Compétence du bloc {code}", "Competency in bloc {code}";
        ReasonJob => "Métier", "Job";
        ReasonCertifier => "Certificateur", "Certifier";
        ReasonRome => "Code ROME {code}", "ROME code {code}";
        ReasonNsf => "Code NSF {code}", "NSF code {code}";
        ReasonFormacode => "Formacode {code}", "Formacode {code}";

        // Fiche
        BackToCatalogue => "Retour au catalogue", "Back to the catalogue";
        FactLevel => "Niveau", "Level";
        FactCertifiers => "Certificateur", "Certifying body";
        NotStated => "Non précisé par la source", "Not stated in the source";
        SectionBlocs => "Blocs de compétences", "Skill blocks (blocs de compétences)";
        ExternalLinkNote => "(site externe)", "(external site)";

        // Generic
        Close => "Fermer", "Close";

        // Navigation (assessment)
        NavAssess => "Évaluer", "Assess";
        NavExperiences => "Expériences", "Experiences";
        NavResults => "Résultats", "Results";
        NavMyData => "Mes données", "My data";

        // Selection
        SelectionLabel => "Ma sélection", "My selection";
        SelectionEmpty => "Aucune certification sélectionnée\u{a0}: ajoutez-en depuis le catalogue ou une fiche.", "No certification selected: add some from the catalogue or a fiche.";
        SelectionAdd => "Ajouter à ma sélection", "Add to my selection";
        SelectionRemove => "Retirer de ma sélection", "Remove from my selection";
        SelectionRemoveNamed => "Retirer {code} de ma sélection", "Remove {code} from my selection";
        SelectionGoAssess => "Évaluer mes compétences", "Assess my competencies";
        SelectionFull => "Vous avez atteint le nombre maximal de certifications sélectionnées.", "You have reached the maximum number of selected certifications.";

        // Assessment page
        AssessNoSelection => "Choisissez d’abord une ou plusieurs certifications dans le catalogue.", "First choose one or more certifications in the catalogue.";
        AssessGoCatalogue => "Aller au catalogue", "Go to the catalogue";
        LevelNotYet => "Je ne l’ai pas encore fait", "I have not done it yet";
        LevelWithHelp => "Je l’ai fait avec de l’aide", "I have done it with help";
        LevelAlone => "Je le fais seul(e)", "I do it on my own";
        LevelCanTeach => "Je peux l’expliquer ou le transmettre", "I can explain or teach it";
        Unrated => "Pas encore répondu", "Not answered yet";
        VaeNon => "Non", "No";
        VaePartiellement => "Partiellement", "Partly";
        VaeOui => "Oui", "Yes";

        // Experiences
        ExpPeriodOngoing => "depuis {start}", "since {start}";
        ExpPeriod => "{start} – {end}", "{start} – {end}";
        ExpPeriodUntil => "jusqu’à {end}", "until {end}";
        KindEmploi => "Emploi", "Job";
        KindBenevolat => "Bénévolat", "Volunteering";
        KindStage => "Stage", "Internship";
        KindFormation => "Formation", "Training";
        KindServiceCivique => "Service civique", "Civic service";
        KindViePersonnelle => "Vie personnelle", "Personal life";

        // Results
        SizeBytes => "{n}\u{a0}octets", "{n} bytes";
        SizeKilo => "{n}\u{a0}Ko", "{n} kB";
        SizeMega => "{n}\u{a0}Mo", "{n} MB";
        ShowMore => "Afficher {n} certifications de plus ({remaining} restantes)", "Show {n} more certifications ({remaining} left)";
        ShowLast => "Afficher la dernière certification", "Show the last certification";
        Percent => "{n}\u{a0}%", "{n}%";

        // My data
        CountCertsOne => "{n} certification", "{n} certification";
        CountCertsMany => "{n} certifications", "{n} certifications";
        CountAnswersOne => "{n} réponse", "{n} answer";
        CountAnswersMany => "{n} réponses", "{n} answers";
        CountExamplesOne => "{n} exemple", "{n} example";
        CountExamplesMany => "{n} exemples", "{n} examples";
        CountExperiencesOne => "{n} expérience", "{n} experience";
        CountExperiencesMany => "{n} expériences", "{n} experiences";

        // Saved state
        RestoreFailed => "Vos données enregistrées n’ont pas pu être relues. Repère repart d’un travail vide.", "Your saved data could not be read. Repère starts from empty work.";
        RestoreFailedBackedUp => "Vos données enregistrées n’ont pas pu être relues. Repère repart d’un travail vide\u{202f}; une copie brute est gardée dans «\u{a0}Mes données\u{a0}».", "Your saved data could not be read. Repère starts from empty work; a raw copy is kept in “My data”.";
        RestoreUnavailable => "Vos données enregistrées n’ont pas pu être relues\u{a0}: une partie de Repère n’a pas pu être téléchargée. Elles sont gardées\u{a0}: rechargez la page une fois connecté pour les retrouver. D’ici là, ce que vous faites ici ne sera pas enregistré.", "Your saved data could not be read: part of Repère could not be downloaded. It is kept: reload the page once connected to get it back. Until then, what you do here will not be saved.";
        RestorePrunedOne => "{n} élément enregistré ne correspond plus au catalogue et a été retiré.", "{n} saved item no longer matches the catalogue and was removed.";
        RestorePrunedMany => "{n} éléments enregistrés ne correspondent plus au catalogue et ont été retirés.", "{n} saved items no longer match the catalogue and were removed.";
        SaveFailed => "Vos réponses n’ont pas pu être enregistrées sur cet appareil (stockage plein ou désactivé). Téléchargez une copie dans «\u{a0}Mes données\u{a0}».", "Your answers could not be saved on this device (storage full or disabled). Download a copy in “My data”.";

        // Decoding errors (second sentence of a notice)
        ErrEmpty => "Le contenu est vide.", "The content is empty.";
        ErrTooLarge => "Le contenu est trop volumineux.", "The content is too large.";
        ErrForeign => "Ce n’est pas un fichier Repère.", "This is not a Repère file.";
        ErrTooNew => "Il vient d’une version plus récente de Repère.", "It comes from a newer version of Repère.";
        ErrMalformed => "Il est abîmé ou incomplet.", "It is damaged or incomplete.";
        ErrInvalid => "Il contient des valeurs impossibles.", "It holds impossible values.";
        ErrTruncated => "Le lien est incomplet (coupé pendant la copie\u{202f}?).", "The link is incomplete (cut while copying?).";
        ErrTampered => "Le lien a été modifié depuis sa création.", "The link was altered since it was created.";
        ErrBadEncoding => "Le lien contient des caractères inattendus.", "The link holds unexpected characters.";

        // Assessment errors
        ErrTitleEmpty => "Donnez un intitulé à l’expérience.", "Give the experience a title.";
        ErrTitleTooLong => "L’intitulé est trop long ({max} caractères au plus).", "The title is too long ({max} characters at most).";
        ErrDescriptionTooLong => "La description est trop longue ({max} caractères au plus).", "The description is too long ({max} characters at most).";
        ErrNoteTooLong => "L’exemple est trop long ({max} caractères au plus)\u{a0}: raccourcissez-le pour qu’il soit enregistré.", "The example is too long ({max} characters at most): shorten it so that it is saved.";
        ErrEndBeforeStart => "La fin est avant le début.", "The end is before the start.";
        ErrTooMany => "Vous avez atteint la limite de ce que Repère peut garder.", "You have reached the limit of what Repère can keep.";
        ErrOther => "Cette opération n’a pas pu être faite.", "This could not be done.";

        // Not found
        NotFoundTitle => "Page introuvable", "Page not found";
        NotFoundCert => "La certification {code} ne fait pas partie du catalogue de Repère.", "Certification {code} is not in Repère’s catalogue.";
        NotFoundCertOfficial => "Chercher {code} sur francecompetences.fr", "Look up {code} on francecompetences.fr";
        NotFoundPage => "Cette adresse ne correspond à aucune page de Repère.", "This address does not match any page of Repère.";

        // Embedded on a provider's site (src/ui/embed)
        EmbedNav => "Navigation de Repère", "Repère navigation";
        EmbedOpenFull => "Ouvrir dans Repère", "Open in Repère";
        EmbedOpenFullLabel => "Ouvrir dans Repère, avec votre travail (nouvel onglet)", "Open in Repère, with your work (new tab)";
        EmbedFooter => "Repère fonctionne dans votre navigateur\u{a0}: rien n’est envoyé sans votre accord.", "Repère runs in your browser: nothing is sent without your consent.";
        EmbedStorageNote => "Votre travail est enregistré dans ce navigateur, pour ce site. Pour le retrouver ailleurs, téléchargez-en une copie, créez un lien de partage ou utilisez «\u{a0}Ouvrir dans Repère\u{a0}».", "Your work is saved in this browser, for this website. To take it elsewhere, download a copy, create a share link or use “Open in Repère”.";

        // Builder of the embed snippet (#/integrer)
        IntegrateLink => "Intégrer Repère sur votre site", "Embed Repère on your website";
    }

    // The pages loaded on demand (src/ui/split.rs): downloaded with the first of them.
    pages {
        // Shell
        AssessJumpLabel => "Aller directement à un bloc (flèches pour choisir, Entrée pour y aller)", "Jump to a bloc (arrow keys to choose, Enter to go)";
        AssessJumpTitle => "Aller au bloc\u{a0}:", "Go to bloc:";
        NextUnrated => "Compétence suivante sans réponse", "Next unanswered competency";
        FicheLoading => "Chargement de la fiche…", "Loading the fiche…";
        FicheUnreachable => "Cette fiche n’a pas pu être chargée. Vérifiez votre connexion à Internet, puis réessayez.", "This fiche could not be loaded. Check your Internet connection, then try again.";
        ModalitiesUnavailable => "non disponibles (la fiche n’a pas pu être chargée)", "not available (the fiche could not be loaded)";

        // Fiche
        FicheFacts => "L’essentiel", "Key facts";
        FactCode => "Code RNCP", "RNCP code";
        FactKind => "Type", "Type";
        FactSiret => "SIRET {siret}", "SIRET {siret}";
        FactEnd => "Fin d’enregistrement", "Registration ends";
        NoneStated => "Aucun selon la source", "None according to the source";
        ReconstructedTitle => "Fiche reconstituée", "Reconstructed fiche";
        ReconstructedBody => "La source dont dispose Repère n’est qu’un résumé de cette certification. Ses blocs ont été reconstitués à partir des phrases du résumé, reprises telles quelles\u{a0}: ils ne remplacent pas le référentiel officiel.", "Repère only has a summary of this certification. Its blocs were rebuilt from the summary’s own sentences, quoted as they are: they do not replace the official reference.";
        ReconstructedLink => "Lire la fiche officielle {code} sur francecompetences.fr", "Read the official fiche {code} on francecompetences.fr";
        SectionObjectives => "Objectifs et contexte", "Objectives and context";
        SectionActivities => "Activités visées", "Target activities";
        SectionAttested => "Compétences attestées", "Certified competencies";
        BlocsIntro => "Chaque bloc peut être validé séparément, par la formation ou par la validation des acquis de l’expérience (VAE).", "Each bloc can be validated on its own, through training or through the accreditation of prior experience (VAE).";
        BlocCompetencies => "Compétences", "Competencies";
        BlocAssessment => "Modalités d’évaluation", "How it is assessed";
        BlocCodeAssigned => "Code attribué par Repère\u{a0}: la fiche source n’en donne pas.", "Code assigned by Repère: the source fiche gives none.";
        SectionAcquisition => "Obtention par blocs", "Obtaining it bloc by bloc";
        SectionJobs => "Métiers et secteurs", "Jobs and sectors";
        JobsAccessible => "Métiers accessibles", "Accessible jobs";
        Sectors => "Secteurs d’activité", "Sectors";
        SectionCodes => "Codes et nomenclatures", "Codes and classifications";
        CodesRome => "Fiches ROME (métiers)", "ROME codes (jobs)";
        CodesNsf => "Codes NSF (domaines de formation)", "NSF codes (training fields)";
        CodesFormacode => "Formacodes", "Formacodes";
        SectionAccess => "Voies d’accès", "Access routes";
        AccessRoute => "Voie d’accès", "Access route";
        AccessOpen => "Ouverte", "Open";
        AccessJury => "Composition du jury", "Jury";
        Yes => "Oui", "Yes";
        No => "Non", "No";
        RouteInitialTraining => "Après un parcours de formation sous statut d’élève ou d’étudiant", "After training as a pupil or student";
        RouteApprenticeship => "En contrat d’apprentissage", "Through an apprenticeship contract";
        RouteContinuingTraining => "Après un parcours de formation continue", "After continuing education";
        RouteProfessionalisation => "En contrat de professionnalisation", "Through a professionalisation contract";
        RouteIndividual => "Par candidature individuelle", "By individual application";
        RouteVae => "Par expérience (VAE)", "Through experience (VAE)";
        Prerequisites => "Prérequis à l’entrée en formation", "Prerequisites for training";
        Regulations => "Réglementation de l’activité", "Regulation of the activity";
        SectionStats => "Statistiques", "Statistics";
        StatsCaption => "Résultats par année d’obtention, selon le certificateur", "Results per year, as reported by the certifying body";
        StatsYear => "Année", "Year";
        StatsCertified => "Certifiés", "Certified";
        StatsVae => "dont par VAE", "of which by VAE";
        StatsInsertion6 => "Insertion globale à 6 mois (%)", "Overall employment at 6 months (%)";
        StatsJob6 => "Insertion dans le métier à 6 mois (%)", "In the target job at 6 months (%)";
        StatsJob2y => "Insertion dans le métier à 2 ans (%)", "In the target job at 2 years (%)";
        SectionLineage => "Historique", "History";
        LineagePrevious => "Remplace", "Replaces";
        LineageNext => "Remplacée par", "Replaced by";
        LineageNone => "Aucune certification antérieure ou suivante connue.", "No known previous or next certification.";
        OfficialFicheLink => "{code} (fiche officielle)", "{code} (official fiche)";
        Equivalences => "Certifications reconnues en équivalence", "Certifications recognised as equivalent";
        SectionSource => "Source", "Source";
        SourceText => "Données de France compétences (Licence Ouverte 2.0), reprises de la fiche publiée.", "Data from France compétences (Open Licence 2.0), taken from the published fiche.";
        SourceLink => "Fiche officielle {code} sur francecompetences.fr", "Official fiche {code} on francecompetences.fr";

        // Generic
        Cancel => "Annuler", "Cancel";

        // Assessment page
        AssessTitle => "Évaluer mes compétences", "Assess my competencies";
        AssessIntro => "Pour chaque compétence, dites où vous en êtes. Vos réponses restent sur cet appareil et sont enregistrées automatiquement.", "For each competency, say where you stand. Your answers stay on this device and are saved automatically.";
        AssessCertTabs => "Certifications de ma sélection", "Certifications in my selection";
        AssessNotSelected => "{code} n’est pas dans votre sélection.", "{code} is not in your selection.";
        AssessProgress => "{rated} compétences évaluées sur {total}", "{rated} of {total} competencies assessed";
        LevelsLegendTitle => "Les quatre réponses et la VAE", "The four answers and VAE";
        LevelsLegendIntro => "Chaque réponse correspond à une réponse du questionnaire de faisabilité de France VAE.", "Each answer matches an answer of France VAE’s feasibility questionnaire.";
        VaeColumn => "Réponse VAE", "VAE answer";
        YourAnswer => "Votre réponse", "Your answer";
        ClearAnswer => "Effacer la réponse", "Clear the answer";
        NoteSummary => "Ajouter un exemple concret", "Add a concrete example";
        NoteSummaryFilled => "Mon exemple", "My example";
        NoteLabel => "Exemple pour «\u{a0}{label}\u{a0}»", "Example for “{label}”";
        NoteHint => "Quoi, où, avec quelle autonomie, avec quels outils\u{a0}: ce qu’un jury de VAE vous demandera.", "What, where, how independently, with which tools: what a VAE jury will ask you.";
        ShownBy => "Montrée par\u{a0}:", "Shown by:";
        Unlink => "Retirer le lien avec «\u{a0}{title}\u{a0}»", "Remove the link with “{title}”";
        AlikeOffer => "Compétences proches dans vos autres certifications\u{a0}:", "Alike competencies in your other certifications:";
        AlikeApply => "Appliquer «\u{a0}{level}\u{a0}» aux {n} compétences proches", "Apply “{level}” to the {n} alike competencies";
        AlikeApplyOne => "Appliquer «\u{a0}{level}\u{a0}» à la compétence proche", "Apply “{level}” to the alike competency";
        AlikeApplied => "Réponse appliquée aux compétences proches\u{a0}: {n}.", "Answer applied to alike competencies: {n}.";
        BlocReady => "Ce bloc semble prêt à valider", "This bloc looks ready to validate";
        BlocProgress => "{rated} / {total} évaluées · {percent}\u{a0}%", "{rated} / {total} assessed · {percent}%";

        // Experiences
        ExpTitle => "Mes expériences", "My experiences";
        ExpIntro => "Décrivez ce que vous avez fait\u{a0}: emploi, bénévolat, stage, formation… Repère propose les compétences de votre sélection que chaque expérience peut montrer. Vous acceptez ou écartez chaque proposition.", "Describe what you have done: jobs, volunteering, internships, training… Repère suggests the competencies of your selection each experience may show. You accept or dismiss each suggestion.";
        ExpAdd => "Ajouter une expérience", "Add an experience";
        ExpEdit => "Modifier", "Edit";
        ExpEditTitle => "Modifier «\u{a0}{title}\u{a0}»", "Edit “{title}”";
        ExpDelete => "Supprimer", "Delete";
        ExpDeleteConfirm => "Supprimer «\u{a0}{title}\u{a0}» et ses liens\u{202f}? Cette action est définitive.", "Delete “{title}” and its links? This cannot be undone.";
        ExpDeleteYes => "Oui, supprimer", "Yes, delete";
        ExpSave => "Enregistrer l’expérience", "Save the experience";
        ExpFieldTitle => "Intitulé", "Title";
        ExpFieldTitleHint => "Par exemple\u{a0}: Agent d’accueil à la mairie", "For example: Receptionist at the town hall";
        ExpFieldKind => "Type d’expérience", "Kind of experience";
        ExpFieldStart => "Début (mois et année)", "Start (month and year)";
        ExpFieldEnd => "Fin (laisser vide si en cours)", "End (leave empty if ongoing)";
        ExpFieldDescription => "Ce que vous avez fait", "What you did";
        ExpFieldDescriptionHint => "Vos missions, avec vos mots\u{a0}: avec qui, où, avec quels outils, seul(e) ou accompagné(e).", "Your tasks, in your own words: with whom, where, with which tools, alone or supported.";
        ExpNone => "Aucune expérience pour l’instant.", "No experience yet.";
        ExpAdded => "Expérience ajoutée. Regardez les compétences proposées ci-dessous.", "Experience added. See the suggested competencies below.";
        SuggestionsTitle => "Compétences que cette expérience peut montrer", "Competencies this experience may show";
        SuggestionsNone => "Aucune nouvelle proposition. Détaillez davantage la description pour en obtenir.", "No new suggestion. Describe the experience in more detail to get some.";
        SuggestionsNothing => "Aucune compétence ne ressort de ce texte.", "No competency stands out from this text.";
        SuggestionsPending => "Recherche des compétences dans votre texte…", "Looking for competencies in your text…";
        SuggestionsNothingAdvice => "Décrivez ce que vous faisiez concrètement, avec vos mots\u{a0}: qui vous receviez, ce que vous régliez, avec qui vous travailliez, ce que cela a changé. Vérifiez aussi que les certifications choisies correspondent à ce métier.", "Describe what you actually did, in your own words: whom you met, what you sorted out, whom you worked with, what changed. Also check that the chosen certifications fit this job.";
        SuggestionStrong => "Correspondance forte", "Strong match";
        SuggestionPossible => "Correspondance possible", "Possible match";
        SuggestionsNoSelection => "Sélectionnez des certifications pour recevoir des propositions.", "Select certifications to get suggestions.";
        SuggestionWords => "Mots retrouvés\u{a0}:", "Matching words:";
        SuggestionWordsExamples => "Mots en commun avec des expériences déjà reliées à cette compétence\u{a0}:", "Words shared with experiences already linked to this competency:";
        SuggestionAccept => "Lier", "Link";
        SuggestionAcceptLabel => "Lier «\u{a0}{label}\u{a0}» à cette expérience", "Link “{label}” to this experience";
        SuggestionDismiss => "Écarter", "Dismiss";
        SuggestionDismissLabel => "Écarter «\u{a0}{label}\u{a0}»", "Dismiss “{label}”";
        SuggestionAccepted => "Compétence liée. Réponse préremplie\u{a0}: «\u{a0}{level}\u{a0}» (modifiable).", "Competency linked. Answer pre-filled: “{level}” (you can change it).";
        LinkedTitle => "Compétences liées à cette expérience", "Competencies linked to this experience";
        LinkedNone => "Aucune compétence liée pour l’instant.", "No linked competency yet.";
        UnlinkShort => "Retirer", "Remove";
        UnlinkLabel => "Retirer le lien avec «\u{a0}{label}\u{a0}»", "Remove the link with “{label}”";

        // Results
        ResultsTitle => "Mes résultats", "My results";
        ResultsIntro => "Pour chaque certification de votre sélection\u{a0}: où vous en êtes, bloc par bloc. Un bloc est prêt quand toutes ses compétences sont au moins «\u{a0}Je le fais seul(e)\u{a0}».", "For each certification of your selection: where you stand, bloc by bloc. A bloc is ready when all its competencies are at least “I do it on my own”.";
        RankingTitle => "Classement de mes certifications", "My certifications ranked";
        RankingItem => "{percent}\u{a0}% · blocs prêts\u{a0}: {ready} sur {blocs}", "{percent}% · blocs ready: {ready} of {blocs}";
        ReadinessLabel => "Proximité", "Readiness";
        ChartTitle => "Proximité par bloc de {code}", "Readiness per bloc of {code}";
        ChartDescription => "Diagramme en barres\u{a0}: la proximité de chaque bloc, de 0 à 100\u{a0}%. Le tableau qui suit donne les mêmes valeurs.", "Bar chart: the readiness of each bloc, from 0 to 100%. The table below gives the same values.";
        TableBloc => "Bloc", "Bloc";
        TableReadiness => "Proximité", "Readiness";
        TableRated => "Évaluées", "Assessed";
        TableVae => "Réponses VAE (oui / partiellement / non / sans réponse)", "VAE answers (yes / partly / no / unanswered)";
        TableReady => "Prêt\u{202f}?", "Ready?";
        ReadyBlocsTitle => "Blocs qui semblent prêts à valider", "Blocs that look ready to validate";
        ReadyBlocsNone => "Aucun bloc n’est encore prêt.", "No bloc is ready yet.";
        MissingTitle => "Ce qui manque", "What is missing";
        MissingNone => "Rien\u{a0}: toutes les compétences sont au moins «\u{a0}Je le fais seul(e)\u{a0}».", "Nothing: every competency is at least “I do it on my own”.";
        MissingJury => "Comment le jury vérifie ce bloc\u{a0}:", "How the jury checks this bloc:";
        WarningMostlyUnrated => "Plus de la moitié des compétences n’ont pas de réponse\u{a0}: ce résultat ne veut pas encore dire grand-chose.", "More than half of the competencies have no answer: this result does not mean much yet.";
        WarningAllSame => "Toutes vos réponses sont identiques («\u{a0}{level}\u{a0}»)\u{a0}: relisez chaque compétence pour que le résultat vous ressemble.", "All your answers are the same (“{level}”): go through each competency again so the result reflects you.";
        ResultsCompare => "Comparer côte à côte", "Compare side by side";
        ResultsReport => "Rapport imprimable", "Printable report";
        FormulaNote => "Calcul\u{a0}: «\u{a0}seul(e)\u{a0}» et «\u{a0}transmettre\u{a0}» comptent 1 point, «\u{a0}avec de l’aide\u{a0}» ½ point, le reste 0. La proximité d’un bloc est la moyenne de ses compétences\u{202f}; celle d’une certification, la moyenne de ses blocs.", "Formula: “on my own” and “teach” count 1 point, “with help” ½ point, the rest 0. A bloc’s readiness is the mean of its competencies; a certification’s, the mean of its blocs.";
        OfflineTitle => "Utiliser Repère hors ligne", "Use Repère offline";
        OfflineHint => "Une fois chargé, Repère fonctionne sans connexion\u{a0}: le catalogue, les fiches que vous avez ouvertes et celles de votre sélection restent disponibles. Pour consulter toutes les autres fiches sans connexion, téléchargez-les maintenant.", "Once loaded, Repère works without a connection: the catalogue, the fiches you opened and those of your selection stay available. To read every other fiche without a connection, download them now.";
        OfflineButton => "Rendre toutes les fiches disponibles hors ligne ({count} fiches, {size})", "Make every fiche available offline ({count} fiches, {size})";
        OfflineProgress => "{done} fiches sur {count} téléchargées", "{done} of {count} fiches downloaded";
        OfflineDone => "Toutes les fiches sont disponibles hors ligne ({count}).", "Every fiche is available offline ({count}).";
        OfflineFailed => "{failed} fiches n’ont pas pu être téléchargées. Vérifiez votre connexion à Internet, puis réessayez.", "{failed} fiches could not be downloaded. Check your Internet connection, then try again.";
        OfflineUnsupported => "Ce navigateur ne permet pas d’utiliser Repère hors ligne (ou il l’interdit en navigation privée).", "This browser cannot keep Repère for offline use (or forbids it in private browsing).";

        // Compare
        CompareTitle => "Comparer mes certifications", "Compare my certifications";
        CompareIntro => "Vos certifications côte à côte, puis les compétences proches regroupées.", "Your certifications side by side, then alike competencies grouped.";
        CompareNeedTwo => "Sélectionnez au moins deux certifications pour les comparer.", "Select at least two certifications to compare them.";
        CompareSummary => "Vue d’ensemble", "Overview";
        CompareRowReadiness => "Proximité", "Readiness";
        CompareRowReady => "Blocs prêts", "Ready blocs";
        CompareRowRated => "Compétences évaluées", "Competencies assessed";
        CompareAlikeTitle => "Compétences proches", "Alike competencies";
        CompareAlikeNone => "Aucune compétence proche entre ces certifications.", "No alike competencies between these certifications.";
        CompareAlikeCaption => "Chaque ligne regroupe des compétences proches\u{202f}; la cellule donne votre réponse.", "Each row groups alike competencies; each cell gives your answer.";
        CompareGroup => "Groupe {n}", "Group {n}";

        // Report
        ReportTitle => "Rapport de positionnement", "Self-assessment report";
        ReportIntro => "Ce rapport reprend vos réponses, vos exemples et vos expériences. Vous pouvez l’imprimer ou l’enregistrer en PDF pour un conseiller.", "This report gathers your answers, examples and experiences. Print it or save it as PDF for an adviser.";
        ReportPrint => "Imprimer / PDF", "Print / PDF";
        ReportDate => "Rapport établi le {date}", "Report made on {date}";
        ReportSelection => "Certifications visées", "Target certifications";
        ReportCompetency => "Compétence", "Competency";
        ReportNote => "Exemple", "Example";
        ReportExperiences => "Expériences", "Experiences";

        // My data
        DataTitle => "Mes données", "My data";
        DataIntro => "Vos réponses sont enregistrées sur cet appareil seulement. Gardez-en une copie, reprenez-la ailleurs, ou partagez un lien.", "Your answers are saved on this device only. Keep a copy, continue elsewhere, or share a link.";
        DataSummary => "{counts}.", "{counts}.";
        ExportTitle => "Télécharger une copie", "Download a copy";
        ExportButton => "Télécharger mon fichier", "Download my file";
        ExportHint => "Un fichier .json que vous pourrez réimporter ici.", "A .json file you can import here again.";
        ImportTitle => "Reprendre un fichier ou un lien", "Import a file or a link";
        ImportFile => "Choisir un fichier Repère (.json)", "Choose a Repère file (.json)";
        ImportPaste => "Ou coller le contenu d’un fichier ou un lien de partage", "Or paste a file’s content or a share link";
        ImportPasteButton => "Lire le contenu collé", "Read the pasted content";
        ImportFound => "Ce contenu contient\u{a0}: {counts}.", "This content holds: {counts}.";
        ImportReplace => "Remplacer mon travail", "Replace my work";
        ImportMerge => "Fusionner avec mon travail", "Merge with my work";
        ImportReplaceWarning => "Remplacer efface vos réponses actuelles. Fusionner garde vos réponses et ajoute celles qui manquent.", "Replacing erases your current answers. Merging keeps your answers and adds the missing ones.";
        ImportDone => "Données importées.", "Data imported.";
        MergeDone => "Fusion faite\u{a0}: {added}, {kept}, {experiences}.", "Merged: {added}, {kept}, {experiences}.";
        AnswersAddedOne => "{n} réponse ajoutée", "{n} answer added";
        AnswersAddedMany => "{n} réponses ajoutées", "{n} answers added";
        AnswersKeptOne => "{n} réponse différente gardée comme avant", "{n} differing answer kept as it was";
        AnswersKeptMany => "{n} réponses différentes gardées comme avant", "{n} differing answers kept as they were";
        ExperiencesAddedOne => "{n} expérience ajoutée", "{n} experience added";
        ExperiencesAddedMany => "{n} expériences ajoutées", "{n} experiences added";
        ImportFailed => "Ce contenu n’a pas pu être lu. Votre travail n’a pas été modifié.", "This content could not be read. Your work was not changed.";
        DownloadFailed => "Le téléchargement n’a pas pu démarrer\u{a0}: votre navigateur l’a refusé. Votre travail reste enregistré sur cet appareil\u{202f}; réessayez, ou créez un lien de partage.", "The download could not start: your browser refused it. Your work is still saved on this device; try again, or create a share link.";
        IncomingPrunedOne => "{n} élément de ce contenu ne correspond à aucune certification du catalogue\u{a0}: il est laissé de côté.", "{n} item of this content matches no certification of the catalogue: it is left out.";
        IncomingPrunedMany => "{n} éléments de ce contenu ne correspondent à aucune certification du catalogue\u{a0}: ils sont laissés de côté.", "{n} items of this content match no certification of the catalogue: they are left out.";
        ImportReadFailed => "Le fichier n’a pas pu être lu par le navigateur.", "The browser could not read the file.";
        ShareTitle => "Partager un lien", "Share a link";
        ShareHint => "Le lien contient votre sélection et vos réponses, dans l’adresse elle-même\u{a0}: rien n’est envoyé à un serveur.", "The link holds your selection and answers inside the address itself: nothing is sent to a server.";
        SharePersonal => "Inclure mes exemples et mes expériences (informations personnelles)", "Include my examples and experiences (personal information)";
        ShareCreate => "Créer le lien", "Create the link";
        ShareLinkLabel => "Lien de partage", "Share link";
        ShareCopy => "Copier le lien", "Copy the link";
        ShareCopied => "Lien copié.", "Link copied.";
        ShareCopyFailed => "La copie automatique n’est pas possible\u{a0}: sélectionnez le lien et copiez-le.", "Automatic copy is not available: select the link and copy it.";
        ClearTitle => "Effacer mes données", "Erase my data";
        ClearHint => "Efface de cet appareil votre sélection, vos réponses, vos exemples et vos expériences.", "Erases your selection, answers, examples and experiences from this device.";
        ClearButton => "Effacer mes données", "Erase my data";
        ClearConfirm => "Tout effacer de cet appareil\u{202f}? Téléchargez d’abord une copie si vous voulez la garder.", "Erase everything from this device? Download a copy first if you want to keep it.";
        ClearYes => "Oui, tout effacer", "Yes, erase everything";
        ClearDone => "Vos données ont été effacées de cet appareil.", "Your data was erased from this device.";
        BackupTitle => "Données illisibles gardées", "Unreadable data kept";
        BackupHint => "Des données enregistrées n’ont pas pu être relues. Une copie brute est gardée\u{a0}: vous pouvez la télécharger (pour un signalement) ou la supprimer.", "Saved data could not be read back. A raw copy is kept: you can download it (to report the problem) or delete it.";
        BackupDownload => "Télécharger la copie", "Download the copy";
        BackupDelete => "Supprimer la copie", "Delete the copy";
        EmptyWork => "Rien à exporter ni à partager pour l’instant.", "Nothing to export or share yet.";

        // Share link page
        ShareOpenTitle => "Ouvrir un lien de partage", "Open a share link";
        ShareOpenFound => "Ce lien contient\u{a0}: {counts}.", "This link holds: {counts}.";
        ShareOpenLoaded => "Sélection et réponses chargées depuis le lien.", "Selection and answers loaded from the link.";
        ShareOpenFailed => "Ce lien de partage n’a pas pu être lu. Votre travail n’a pas été modifié.", "This share link could not be read. Your work was not changed.";

        // Assessment errors
        ErrBadMonth => "Indiquez le mois au format AAAA-MM.", "Give the month as YYYY-MM.";

        // Embedded on a provider's site (src/ui/embed)
        SendResults => "Envoyer mon bilan à {name}", "Send my results to {name}";
        SendTitle => "Ce qui sera envoyé à {name}", "What will be sent to {name}";
        SendIntro => "Voici exactement ce qui sera envoyé. Rien ne part tant que vous n’avez pas confirmé.", "Here is exactly what will be sent. Nothing leaves until you confirm.";
        SendDestination => "Ces données iront à la page qui affiche Repère, sur le site {origin}.", "This data will go to the page showing Repère, on the website {origin}.";
        SendIncludeNotes => "Joindre mes exemples personnels", "Include my personal examples";
        SendIncludeExperiences => "Joindre mes expériences", "Include my experiences";
        SendNotesOne => "{n} exemple personnel joint", "{n} personal example included";
        SendNotesMany => "{n} exemples personnels joints", "{n} personal examples included";
        SendExperiencesOne => "{n} expérience jointe", "{n} experience included";
        SendExperiencesMany => "{n} expériences jointes", "{n} experiences included";
        SendNoPersonal => "Ni vos exemples ni vos expériences ne sont joints.", "Neither your examples nor your experiences are included.";
        SendExactData => "Voir les données exactes (JSON)", "See the exact data (JSON)";
        SendConfirm => "Confirmer l’envoi", "Confirm sending";
        SendDone => "Votre bilan a été envoyé à {name}.", "Your results were sent to {name}.";
        SendFailed => "L’envoi n’a pas pu être fait\u{a0}: la page qui accueille Repère ne peut pas le recevoir.", "Sending failed: the page hosting Repère cannot receive it.";

        // Builder of the embed snippet (#/integrer)
        IntegrateTitle => "Intégrer Repère sur votre site", "Embed Repère on your website";
        IntegrateIntro => "Organisme de formation\u{a0}? Vos visiteurs peuvent se positionner sur vos certifications sans quitter votre site. Choisissez les réglages, vérifiez l’aperçu, puis copiez le code dans votre page.", "Training provider? Your visitors can assess themselves against your certifications without leaving your website. Choose the settings, check the preview, then paste the code into your page.";
        IntegrateSettings => "Réglages", "Settings";
        IntegrateCerts => "Certifications proposées", "Certifications offered";
        IntegrateCertsHint => "Elles sont ajoutées à la sélection du visiteur.", "They are added to the visitor’s selection.";
        IntegrateOnly => "Ne montrer que ces certifications dans le catalogue", "Show only these certifications in the catalogue";
        IntegrateLang => "Langue de l’interface", "Interface language";
        IntegrateLangVisitor => "Celle choisie par le visiteur", "The one the visitor chose";
        IntegrateAccent => "Couleur principale", "Main colour";
        IntegrateAccentHint => "Une couleur trop claire est assombrie pour rester lisible sur fond clair.", "A colour that is too light is darkened so that it stays readable on a light background.";
        IntegrateAccentAdjusted => "Cette couleur est trop claire pour être lue\u{a0}: {used} sera utilisée.", "This colour is too light to be read: {used} will be used.";
        IntegrateStart => "Page d’arrivée", "Start page";
        StartCatalogue => "Le catalogue", "The catalogue";
        StartFiche => "La fiche de la première certification", "The fiche of the first certification";
        StartAssess => "L’auto-évaluation de la première certification", "The self-assessment of the first certification";
        StartResults => "Les résultats", "The results";
        IntegrateShareWith => "Nom de votre organisme, pour recevoir les bilans (facultatif)", "Your organisation’s name, to receive results (optional)";
        IntegrateShareWithHint => "Le visiteur verra un bouton «\u{a0}Envoyer mon bilan\u{a0}» et confirmera chaque envoi. Votre page est alors prévenue par un événement.", "Visitors will see a “Send my results” button and confirm each sending. Your page is then notified by an event.";
        IntegratePreview => "Aperçu", "Preview";
        IntegratePreviewFrame => "Aperçu de Repère intégré", "Preview of embedded Repère";
        IntegrateCode => "Code à coller dans votre page", "Code to paste into your page";
        IntegrateCopy => "Copier le code", "Copy the code";
        IntegrateCopied => "Code copié.", "Code copied.";
        IntegrateCopyFailed => "La copie automatique n’est pas possible\u{a0}: sélectionnez le code et copiez-le.", "Automatic copy is not available: select the code and copy it.";
        IntegrateDocs => "Les attributs, les événements envoyés à votre page et les en-têtes HTTP recommandés sont décrits dans la section «\u{a0}Intégrer Repère\u{a0}» du README.", "The attributes, the events sent to your page and the recommended HTTP headers are described in the “Intégrer Repère” section of the README.";
    }
}
