import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { FileUpload, type FileUploadOptions } from "./file-upload.tsx";

describeGovukFixtures<FileUploadOptions>("file-upload", FileUpload, { name: true, id: true, disabled: true, multiple: true, describedBy: true, label: true, hint: true, errorMessage: true, formGroup: true, javascript: true, chooseFilesButtonText: true, dropInstructionText: true, multipleFilesChosenText: true, noFileChosenText: true, enteredDropZoneText: true, leftDropZoneText: true, classes: true, attributes: true, wrapperClasses: true, wrapperAttributes: true });
