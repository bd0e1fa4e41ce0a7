import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { CharacterCount, type CharacterCountOptions } from "./character-count.tsx";

describeGovukFixtures<CharacterCountOptions>("character-count", CharacterCount, { id: true, name: true, rows: true, value: true, maxlength: true, maxwords: true, threshold: true, countType: true, label: true, hint: true, errorMessage: true, formGroup: true, classes: true, attributes: true, spellcheck: true, countMessage: true, textareaDescriptionText: true, charactersUnderLimitText: true, charactersAtLimitText: true, charactersOverLimitText: true, wordsUnderLimitText: true, wordsAtLimitText: true, wordsOverLimitText: true });
