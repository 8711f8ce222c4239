-- Rasa keeps its trackers in a database of its own beside the helpline's.
CREATE DATABASE rasa_trackers;
