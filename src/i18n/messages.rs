//! The message table: one line per UI string, French then English.

macro_rules! messages {
    ($($key:ident => $fr:expr, $en:expr;)*) => {
        /// A UI string. See the module table for its texts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every message, for completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// `[french, english]`.
            pub(super) fn texts(self) -> [&'static str; 2] {
                match self { $(Msg::$key => [$fr, $en]),* }
            }
        }
    };
}

messages! {
    // Shell
    AppName => "Repère", "Repère";
    AppTagline => "Explorer les certifications professionnelles et situer son expérience", "Explore professional certifications and see where your experience stands";
    SkipToContent => "Aller au contenu", "Skip to content";
    MainNav => "Navigation principale", "Main navigation";
    NavCatalogue => "Catalogue", "Catalogue";
    LanguageSwitchLabel => "Choisir la langue de l’interface", "Choose the interface language";
    FooterData => "Données : France compétences, Répertoire national des certifications professionnelles (RNCP), Licence Ouverte 2.0.", "Data: France compétences, National Register of Professional Certifications (RNCP), Open Licence 2.0.";
    FooterPrivacy => "Repère fonctionne entièrement dans votre navigateur : aucun compte, aucun suivi, rien n’est envoyé.", "Repère runs entirely in your browser: no account, no tracking, nothing is sent.";
    DataBroken => "Les données de l’application sont illisibles. Merci de signaler ce problème : {detail}", "The application data cannot be read. Please report this problem: {detail}";
    PageTitle => "{page} — Repère", "{page} — Repère";

    // Catalogue
    CatalogueTitle => "Catalogue des certifications", "Certification catalogue";
    CatalogueIntro => "Choisissez une certification pour lire ses blocs de compétences. Cherchez par métier, compétence, code RNCP ou code ROME.", "Choose a certification to read its skill blocks (blocs de compétences). Search by job, competency, RNCP code or ROME code.";
    SearchLabel => "Rechercher une certification", "Search for a certification";
    SearchHint => "Un mot, un métier, une compétence ou un code (RNCP, ROME, NSF, Formacode). Les accents et majuscules sont facultatifs.", "A word, a job, a competency or a code (RNCP, ROME, NSF, Formacode). Accents and capitals are optional. Certification texts are in French.";
    Filters => "Filtres", "Filters";
    FilterLevel => "Niveau", "Level";
    FilterStatus => "Statut", "Status";
    FilterCertifier => "Certificateur", "Certifying body";
    FilterAll => "Tous", "All";
    ClearSearch => "Effacer la recherche et les filtres", "Clear search and filters";
    ResultsOne => "{n} certification", "{n} certification";
    ResultsMany => "{n} certifications", "{n} certifications";
    NoResults => "Aucune certification ne correspond. Essayez un autre mot ou retirez un filtre.", "No certification matches. Try another word or remove a filter.";
    LevelN => "Niveau {n}", "Level {n}";
    LevelUnknown => "Niveau non précisé", "Level not stated";
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
    MatchedBecause => "Correspond à la recherche :", "Matches your search:";
    MoreMatchesOne => "et {n} autre correspondance", "and {n} more match";
    MoreMatchesMany => "et {n} autres correspondances", "and {n} more matches";
    ReasonTitle => "Intitulé", "Title";
    ReasonCode => "Code RNCP", "RNCP code";
    ReasonBloc => "Bloc {code}", "Bloc {code}";
    ReasonCompetency => "Compétence du bloc {code}", "Competency in bloc {code}";
    ReasonJob => "Métier", "Job";
    ReasonRome => "Code ROME {code}", "ROME code {code}";
    ReasonNsf => "Code NSF {code}", "NSF code {code}";
    ReasonFormacode => "Formacode {code}", "Formacode {code}";
    OpenFiche => "Voir la fiche", "Open the fiche";

    // Fiche
    BackToCatalogue => "Retour au catalogue", "Back to the catalogue";
    FicheFacts => "L’essentiel", "Key facts";
    FactCode => "Code RNCP", "RNCP code";
    FactKind => "Type", "Type";
    FactLevel => "Niveau", "Level";
    FactCertifiers => "Certificateur", "Certifying body";
    FactSiret => "SIRET {siret}", "SIRET {siret}";
    FactStatus => "Statut", "Status";
    FactEnd => "Fin d’enregistrement", "Registration ends";
    NotStated => "Non précisé par la source", "Not stated in the source";
    NoneStated => "Aucun selon la source", "None according to the source";
    ReconstructedTitle => "Fiche reconstituée", "Reconstructed fiche";
    ReconstructedBody => "La source dont dispose Repère n’est qu’un résumé de cette certification. Ses blocs ont été reconstitués à partir des phrases du résumé, reprises telles quelles : ils ne remplacent pas le référentiel officiel.", "Repère only has a summary of this certification. Its blocs were rebuilt from the summary’s own sentences, quoted as they are: they do not replace the official reference.";
    ReconstructedLink => "Lire la fiche officielle {code} sur francecompetences.fr", "Read the official fiche {code} on francecompetences.fr";
    SectionObjectives => "Objectifs et contexte", "Objectives and context";
    SectionActivities => "Activités visées", "Target activities";
    SectionAttested => "Compétences attestées", "Certified competencies";
    SectionBlocs => "Blocs de compétences", "Skill blocks (blocs de compétences)";
    BlocsIntro => "Chaque bloc peut être validé séparément, par la formation ou par la validation des acquis de l’expérience (VAE).", "Each bloc can be validated on its own, through training or through the accreditation of prior experience (VAE).";
    BlocCompetencies => "Compétences", "Competencies";
    BlocAssessment => "Modalités d’évaluation", "How it is assessed";
    BlocCodeAssigned => "Code attribué par Repère : la fiche source n’en donne pas.", "Code assigned by Repère: the source fiche gives none.";
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
    StatsMissing => "—", "—";
    SectionLineage => "Historique", "History";
    LineagePrevious => "Remplace", "Replaces";
    LineageNext => "Remplacée par", "Replaced by";
    LineageNone => "Aucune certification antérieure ou suivante connue.", "No known previous or next certification.";
    OfficialFicheLink => "{code} (fiche officielle)", "{code} (official fiche)";
    Equivalences => "Certifications reconnues en équivalence", "Certifications recognised as equivalent";
    SectionSource => "Source", "Source";
    SourceText => "Données de France compétences (Licence Ouverte 2.0), reprises de la fiche publiée.", "Data from France compétences (Open Licence 2.0), taken from the published fiche.";
    SourceLink => "Fiche officielle {code} sur francecompetences.fr", "Official fiche {code} on francecompetences.fr";
    ExternalLinkNote => "(site externe)", "(external site)";

    // Not found
    NotFoundTitle => "Page introuvable", "Page not found";
    NotFoundCert => "La certification {code} ne fait pas partie du catalogue de Repère.", "Certification {code} is not in Repère’s catalogue.";
    NotFoundCertOfficial => "Chercher {code} sur francecompetences.fr", "Look up {code} on francecompetences.fr";
    NotFoundPage => "Cette adresse ne correspond à aucune page de Repère.", "This address does not match any page of Repère.";
}
