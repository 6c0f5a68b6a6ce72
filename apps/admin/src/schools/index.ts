import SchoolIcon from '@mui/icons-material/School';

/** Schools: referenced by applications, users and filters (no pages of their own). */
export default {
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
